#!/usr/bin/env python3
"""Writes the demo data of 乐平镇: its 2022 (the figures of its presidium's
work report) and an imperfect first quarter of 2023. The registries,
receptions and activities go to CSV files that `jianyi import` reads; the
suggestions' lives, which a one-row ledger cannot tell (contacts, returns,
extensions, rehandling), go to leping.jy, the jianyi commands that enter
them. Deterministic: the same files every run.

    cd data && python3 make-journal.py > leping.jy
"""
import csv
import random
import shlex

rnd = random.Random(2022)
out = []
tables = {"stations": [["名称", "村居"]], "departments": [["名称"]],
          "deputies": [["姓名", "层级", "联络站", "联系电话"]],
          "receptions": [["日期", "联络站", "接待人次", "接待代表", "备注"]],
          "activities": [["日期", "类型", "标题", "参加人数"]]}


def cmd(*args):
    out.append(" ".join(shlex.quote(a) for a in args))


def today(day):
    out.append("@today " + day)


STATIONS = [("黄塘", "黄塘村"), ("源潭", "源潭村"), ("华埭村", "华埭村"),
            ("大旗头", "大旗头村"), ("南联", "南联村"), ("范湖", "范湖村"),
            ("保安", "保安村"), ("三江", "三江村"), ("竹山", "竹山村"),
            ("乐平社区", "乐平社区"), ("西联", "西联村"), ("汇金", "汇金村"),
            ("中心村", "中心村"), ("新旗", "新旗村")]
DEPTS = ["规划建设办", "交通运输办", "社会事务办", "农业农村办", "经济发展办",
         "综合治理办", "城管执法队", "教育办", "卫生健康办", "党政办"]
DEPUTIES = ["陈志强", "李秀英", "黄伟明", "梁丽华", "何国平", "吴美玲",
            "邓建华", "冯淑贞", "罗志远", "谭惠芳", "郭永健", "麦少玲",
            "区家辉", "潘雪梅", "陆文涛", "关惠娟", "杜振华", "莫桂兰",
            "苏国强", "叶红霞", "钟明辉", "林晓燕", "胡志坚", "刘慧敏",
            "周建国", "蔡丽萍", "欧阳斌", "谢淑仪"]
CATS = {"规划建设办": "城建", "交通运输办": "交通", "社会事务办": "民生",
        "农业农村办": "农业", "经济发展办": "经济", "综合治理办": "治安",
        "城管执法队": "城管", "教育办": "教育", "卫生健康办": "卫生",
        "党政办": "其他"}
SURNAMES = "陈李黄梁何吴邓冯罗谭郭麦区潘陆关杜莫苏叶"
GIVEN = ["伟", "芳", "敏", "强", "丽", "军", "静", "杰", "娟", "涛", "明", "华"]

# Three titles from the work report, then the rest of the 21 collected at
# the stations in 2022.
RECEPTION_TITLES = [
    ("关于睿星幼儿园门前整改的建议", "教育办"),
    ("关于旧乐湖路接乐大线日彩公司红绿灯位段硬底化修复的建议", "交通运输办"),
    ("关于三江人行天桥的维护管理的建议", "规划建设办"),
    ("关于增设黄塘村公交站候车亭的建议", "交通运输办"),
    ("关于源潭村排水渠清淤的建议", "农业农村办"),
    ("关于华埭村文化室延长开放时间的建议", "社会事务办"),
    ("关于大旗头古村停车场规划的建议", "规划建设办"),
    ("关于南联村路灯维修的建议", "城管执法队"),
    ("关于范湖村垃圾收集点搬迁的建议", "城管执法队"),
    ("关于保安村农田水利设施修缮的建议", "农业农村办"),
    ("关于三江村河涌护栏加固的建议", "规划建设办"),
    ("关于竹山村卫生站增加值班医生的建议", "卫生健康办"),
    ("关于乐平社区长者饭堂扩容的建议", "社会事务办"),
    ("关于西联村道路减速带设置的建议", "交通运输办"),
    ("关于汇金村小学上下学交通疏导的建议", "综合治理办"),
    ("关于中心村菜市场排水改造的建议", "规划建设办"),
    ("关于新旗村视频监控补盲的建议", "综合治理办"),
    ("关于加强乐平大道沿线占道经营整治的建议", "城管执法队"),
    ("关于扶持村级特色农产品销售的建议", "经济发展办"),
    ("关于完善村居公共法律服务的建议", "党政办"),
    ("关于增加镇区公共厕所的建议", "规划建设办"),
]
SESSION_TOPICS = [
    ("乐平大道交通拥堵治理", "交通运输办"), ("镇区停车位供给", "交通运输办"),
    ("农村生活污水处理", "农业农村办"), ("村级工业园改造提升", "经济发展办"),
    ("中小学学位供给", "教育办"), ("社区养老服务", "社会事务办"),
    ("基层医疗服务能力", "卫生健康办"), ("河涌水环境整治", "农业农村办"),
    ("背街小巷环境卫生", "城管执法队"), ("农贸市场升级改造", "经济发展办"),
    ("公共文化设施建设", "社会事务办"), ("消防安全隐患排查", "综合治理办"),
    ("村道安全设施完善", "交通运输办"), ("残疾人帮扶", "社会事务办"),
    ("农田水利建设", "农业农村办"), ("企业用工服务", "经济发展办"),
    ("校园周边交通安全", "综合治理办"), ("城镇燃气管网建设", "规划建设办"),
    ("公交线路优化", "交通运输办"), ("智慧社区建设", "党政办"),
    ("电动自行车充电设施", "综合治理办"), ("古村落保护活化", "规划建设办"),
    ("垃圾分类推广", "城管执法队"), ("村级集体经济发展", "经济发展办"),
    ("幼儿园普惠学位", "教育办"), ("社区卫生服务站建设", "卫生健康办"),
    ("防汛排涝能力提升", "规划建设办"), ("绿道建设与管护", "规划建设办"),
    ("违法建设治理", "城管执法队"), ("食品安全监管", "卫生健康办"),
    ("退役军人服务", "党政办"), ("青少年活动场所", "教育办"),
    ("群众体育设施", "社会事务办"), ("农村道路硬底化", "交通运输办"),
]


def person():
    return rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)


def phone():
    return "13" + str(rnd.randint(0, 9)) + "".join(
        str(rnd.randint(0, 9)) for _ in range(8))


def day(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}"


def add_days(iso, n):
    import datetime
    d = datetime.date.fromisoformat(iso) + datetime.timedelta(days=n)
    return d.isoformat()


# Registries.
for name, village in STATIONS:
    tables["stations"].append([name, village])
for d in DEPTS:
    tables["departments"].append([d])
for i, name in enumerate(DEPUTIES):
    level = "区" if i % 7 == 0 else "镇"
    tables["deputies"].append([name, level, STATIONS[i % len(STATIONS)][0],
                               phone()])

today("2022-12-31")

# 2022 receptions: 172 sessions, 223 visitors, over the year and stations.
# 黄塘 holds 13 sessions with 17 visitors.
sessions = [13, 13, 13, 13] + [12] * 10
assert sum(sessions) == 172
visits = []
for s, n in zip(STATIONS, sessions):
    visits.append([1] * n)
extra = 223 - 172
visits[0][0] += 1
visits[0][3] += 1
visits[0][7] += 1
visits[0][10] += 1  # 黄塘: 17
extra -= 4
while extra > 0:
    i = rnd.randrange(1, len(STATIONS))
    j = rnd.randrange(len(visits[i]))
    if visits[i][j] < 3:
        visits[i][j] += 1
        extra -= 1
recs = []
for (name, _), vs in zip(STATIONS, visits):
    for k, v in enumerate(vs):
        month = 1 + (k * 12) // len(vs)
        recs.append((day(2022, month, rnd.randint(5, 25)), name, v))
recs.sort()
for i, (d, name, v) in enumerate(recs):
    deps = [DEPUTIES[(i + k) % len(DEPUTIES)] for k in range(2)]
    tables["receptions"].append([d, name, str(v), "、".join(deps), ""])

# 2022 activities: 26 group activities, inspections in July and November,
# the two congress sessions.
acts = []
for k in range(26):
    m = 1 + (k * 12) // 26
    acts.append((day(2022, m, rnd.randint(8, 26)), "group",
                 f"人大代表小组活动（第{k + 1}次）"))
acts.append(("2022-07-14", "inspection", "视察镇区防汛排涝工作"))
acts.append(("2022-11-17", "inspection", "视察农村人居环境整治工作"))
acts.append(("2022-02-22", "session", "乐平镇第十八届人民代表大会第二次会议"))
acts.append(("2022-09-27", "session", "乐平镇第十八届人民代表大会第三次会议"))
KINDS = {"group": "小组活动", "inspection": "视察", "session": "人代会"}
for d, kind, title in sorted(acts):
    tables["activities"].append([d, KINDS[kind], title,
                                 str(rnd.randint(8, 30))])

# 2022 suggestions: 34 from the sessions (received at the February session
# and the December one), 21 from the stations. Every one assigned, replied
# on time, rated satisfied (50) or basic (5).
sugs = []
for i, (topic, dept) in enumerate(SESSION_TOPICS):
    d = "2022-02-22" if i < 24 else "2022-09-27"
    sugs.append((d, None, "session", f"关于{topic}的建议", dept))
# Collected before October, so that all are handled within the year.
recdays = [r for r in recs if r[0] < "2022-10-01"]
for i, (title, dept) in enumerate(RECEPTION_TITLES):
    d, station, _ = recdays[(i * len(recdays)) // 21 + 1]
    sugs.append((d, station, "reception", title, dept))
sugs.sort(key=lambda s: s[0])
basic = {7, 19, 28, 40, 51}
num = 0
for k, (d, station, source, title, dept) in enumerate(sugs):
    num += 1
    n = f"2022-{num:04d}"
    lead = DEPUTIES[k % len(DEPUTIES)]
    args = ["add", "--title", title, "--date", d, "--source", source,
            "--category", CATS[dept], "--deputy", lead,
            "--submitter", person(), "--phone", phone(),
            "--content", f"{title[2:-3]}，群众反映较多，建议有关部门尽快研究解决。"]
    if station:
        args += ["--station", station]
    if k % 4 == 0:
        args += ["--cosigner", DEPUTIES[(k + 5) % len(DEPUTIES)]]
    cmd(*args)
    assigned = add_days(d, rnd.randint(3, 10))
    co = [c for c in DEPTS if c != dept]
    a = ["assign", n, "--dept", dept, "--date", assigned,
         "--handler", person()]
    if k % 5 == 0:
        a += ["--co", rnd.choice(co)]
    cmd(*a)
    contact = add_days(assigned, rnd.randint(5, 20))
    cmd("contact", n, "--dept", dept, "--date", contact,
        "--method", rnd.choice(["visit", "meeting", "phone"]))
    replied = add_days(contact, rnd.randint(10, 45))
    cls = "A" if k % 9 else "B"
    cmd("reply", n, "--dept", dept, "--class", cls, "--date", replied,
        "--text", "经研究，已按代表意见落实。" if cls == "A"
        else "已列入明年工作计划，分步实施。")
    cmd("rate", n, "basic" if k in basic else "satisfied",
        "--date", add_days(replied, rnd.randint(2, 10)))

# 2023, January to March: an imperfect quarter.
today("2023-03-31")
q1 = [
    ("2023-01-06", "黄塘", "关于黄塘村文化广场照明改造的建议", "规划建设办"),
    ("2023-01-09", "源潭", "关于源潭村道路破损修复的建议", "交通运输办"),
    ("2023-01-12", "华埭村", "关于华埭村幼儿园接送区设置的建议", "教育办"),
    ("2023-01-16", "三江", "关于三江村渡口安全管理的建议", "综合治理办"),
    ("2023-01-28", "南联", "关于旧乐湖路红绿灯位段硬底化修复的建议", "交通运输办"),
    ("2023-02-08", "大旗头", "关于大旗头古村游客服务中心的建议", "经济发展办"),
    ("2023-02-14", "竹山", "关于竹山村卫生站药品配备的建议", "卫生健康办"),
    ("2023-02-21", "保安", "关于保安村农田灌溉渠修复的建议", "农业农村办"),
    ("2023-03-02", "西联", "关于西联村垃圾转运站除臭的建议", "城管执法队"),
    ("2023-03-07", "汇金", "关于汇金村增设篮球场的建议", "社会事务办"),
    ("2023-03-14", "黄塘", "关于菜市场排水改造的建议", "规划建设办"),
    ("2023-03-20", "中心村", "关于中心村路口增设反光镜的建议", "交通运输办"),
]
for k, (d, station, title, dept) in enumerate(q1):
    cmd("add", "--title", title, "--date", d, "--station", station,
        "--source", "reception", "--category", CATS[dept],
        "--deputy", DEPUTIES[(k * 3) % len(DEPUTIES)],
        "--submitter", person(), "--phone", phone())
# Routed at the January and February 交办 meetings, and one in March.
cmd("assign", "2023-0001", "2023-0002", "2023-0003", "--dept", "规划建设办",
    "--date", "2023-01-18", "--handler", "何志明")
cmd("return", "2023-0002", "--dept", "规划建设办", "--date", "2023-01-20",
    "--reason", "道路养护属交通运输办职责")
cmd("return", "2023-0003", "--dept", "规划建设办", "--date", "2023-01-20",
    "--reason", "属教育办职责")
cmd("assign", "2023-0002", "--dept", "交通运输办", "--date", "2023-01-30",
    "--handler", "梁振华", "--due", "2023-03-10")
cmd("assign", "2023-0003", "--dept", "教育办", "--co", "综合治理办",
    "--date", "2023-01-30", "--handler", "吴秀云")
cmd("assign", "2023-0004", "--dept", "综合治理办", "--date", "2023-01-18",
    "--due", "2023-02-28")
cmd("assign", "2023-0005", "--dept", "交通运输办", "--date", "2023-01-30",
    "--due", "2023-03-05")
cmd("assign", "2023-0006", "2023-0007", "2023-0008", "--dept", "经济发展办",
    "--date", "2023-02-24")
cmd("return", "2023-0007", "--dept", "经济发展办", "--date", "2023-02-27",
    "--reason", "属卫生健康办职责")
cmd("assign", "2023-0007", "--dept", "卫生健康办", "--date", "2023-02-28")
cmd("return", "2023-0008", "--dept", "经济发展办", "--date", "2023-02-27",
    "--reason", "属农业农村办职责")
cmd("assign", "2023-0008", "--dept", "农业农村办", "--date", "2023-02-28")
cmd("assign", "2023-0009", "2023-0010", "--dept", "城管执法队",
    "--date", "2023-03-09")
cmd("return", "2023-0010", "--dept", "城管执法队", "--date", "2023-03-10",
    "--reason", "属社会事务办职责")
cmd("assign", "2023-0010", "--dept", "社会事务办", "--date", "2023-03-13")
cmd("assign", "2023-0011", "--dept", "规划建设办", "--date", "2023-03-16",
    "--due", "2023-03-20")
# Replies, contacts, ratings.
cmd("contact", "2023-0001", "--dept", "规划建设办", "--date", "2023-01-29",
    "--method", "visit")
cmd("reply", "2023-0001", "--dept", "规划建设办", "--class", "B",
    "--date", "2023-02-10", "--text", "已列入今年村级项目计划")
cmd("rate", "2023-0001", "unsatisfied", "--date", "2023-02-15",
    "--note", "希望明确完成时间")
cmd("contact", "2023-0001", "--dept", "规划建设办", "--date", "2023-02-20",
    "--method", "meeting")
cmd("reply", "2023-0001", "--dept", "规划建设办", "--class", "A",
    "--date", "2023-03-06", "--text", "照明改造已于3月完成")
cmd("rate", "2023-0001", "satisfied", "--date", "2023-03-09")
cmd("reply", "2023-0002", "--dept", "交通运输办", "--class", "A",
    "--date", "2023-03-01", "--text", "破损路段已修复")
cmd("rate", "2023-0002", "basic", "--date", "2023-03-06")
cmd("contact", "2023-0003", "--dept", "教育办", "--date", "2023-02-10",
    "--method", "phone")
cmd("reply", "2023-0003", "--dept", "教育办", "--class", "C",
    "--date", "2023-03-15", "--text", "受场地限制，暂时无法设置专用接送区")
cmd("rate", "2023-0003", "basic", "--date", "2023-03-20")
cmd("extend", "2023-0004", "--due", "2023-03-31", "--date", "2023-02-25",
    "--reason", "需协调海事部门")
cmd("withdraw", "2023-0006", "--date", "2023-03-01",
    "--reason", "提出人撤回，问题已自行解决")
cmd("contact", "2023-0007", "--dept", "卫生健康办", "--date", "2023-03-08",
    "--method", "visit")
cmd("reply", "2023-0007", "--dept", "卫生健康办", "--class", "A",
    "--date", "2023-03-22", "--text", "已补充常用药品")
cmd("reply", "2023-0009", "--dept", "城管执法队", "--class", "B",
    "--date", "2023-03-28", "--text", "已安排除臭设备采购")

# 2023 receptions and activities in the quarter.
for i in range(15):
    m = 1 + i // 5
    st = STATIONS[(i * 3) % len(STATIONS)][0]
    tables["receptions"].append([day(2023, m, 6 + (i % 5) * 4), st,
                                 str(1 + (i % 3 == 0)),
                                 DEPUTIES[i % len(DEPUTIES)], ""])
for i, m in enumerate([1, 2, 3, 3]):
    tables["activities"].append([day(2023, m, 16 + i), "小组活动",
                                 f"人大代表小组活动（2023年第{i + 1}次）", ""])
tables["activities"].append(["2023-02-21", "人代会",
                             "乐平镇第十八届人民代表大会第四次会议", ""])
tables["receptions"][1:] = sorted(tables["receptions"][1:])
tables["activities"][1:] = sorted(tables["activities"][1:])

# As Excel on Chinese Windows saves them: the registries in GB18030, the
# rest UTF-8 with a BOM; CRLF throughout.
for name, rows in tables.items():
    enc = "gb18030" if name in ("stations", "deputies") else "utf-8-sig"
    with open(f"{name}.csv", "w", encoding=enc, newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)

print("# The demo journal of 乐平镇: jianyi commands, one a line, replayed")
print("# by scripts/demo.sh after it imports the CSV files beside this one.")
print("# '@today D' sets JIANYI_TODAY for what follows.")
print("# Made by data/make-journal.py; do not edit by hand.")
print("\n".join(out))
