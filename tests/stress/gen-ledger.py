#!/usr/bin/env python3
"""Writes a suggestions ledger of N rows (the format of
tests/fixtures/ledger-states.csv: UTF-8 with a BOM, CRLF, Chinese headers,
quoted fields with commas, quotes and newlines) for the stress test.
Rows go through every state: registered, assigned, replied, closed,
rehandling; numbers are 2022-0001 .. 2022-NNNN."""
import random
import sys

n = int(sys.argv[1])
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
stations = ["黄塘", "源潭", "华埭村", "石门", "新村"]
depts = ["规划建设办", "交通运输办", "社会事务办", "农业办"]
deputies = ["陈志强", "李秀英", "黄伟明", "梁丽华"]


def q(s):
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


out = sys.stdout
out.write("\ufeff编号,接收日期,联络站,来源,标题,内容,类别,提出人,联系电话,"
          "领衔代表,附议代表,承办单位,协办单位,交办日期,办理期限,答复日期,"
          "答复类别,答复内容,反馈日期,满意度\r\n")
for i in range(1, n + 1):
    m = 1 + i % 9
    d = 1 + i % 27
    state = i % 5
    row = [""] * 20
    row[0] = "2022-%04d" % i
    row[1] = "2022-%02d-%02d" % (m, d)
    row[2] = random.choice(stations)
    row[3] = random.choice(["接待", "session", "other", "人代会"])
    row[4] = "关于第%d号问题的建议" % i
    row[5] = '内容, "引号" %d\n第二行' % i
    row[6] = random.choice(["城建", "交通", "教育"])
    row[7] = "王小明"
    row[8] = "13800001234"
    row[9] = random.choice(deputies)
    if state >= 1:
        row[11] = random.choice(depts)
        row[13] = "2022-%02d-%02d" % (m, d + 1)
    if state >= 2:
        row[15] = "2022-%02d-%02d" % (m + 1, d)
        row[16] = random.choice("ABCD")
        row[17] = "已答复"
    if state == 3:
        row[18] = "2022-%02d-%02d" % (m + 1, d + 1)
        row[19] = random.choice(["满意", "basic"])
    if state == 4:
        row[18] = "2022-%02d-%02d" % (m + 1, d + 1)
        row[19] = "不满意"
    out.write(",".join(q(x) for x in row) + "\r\n")
