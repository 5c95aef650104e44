# Turns a text file into C string constants: the text up to the first line
# "-- migration N:" is named by -v name=NAME, each migration's text NAME_N.
BEGIN { printf "/* Generated from the schema file; do not edit. */\n" }
BEGIN { printf "const char %s[] =\n", name }
/^-- migration [0-9]+:/ {
	n = $3; sub(/:.*/, "", n)
	printf "\t;\nconst char %s_%s[] =\n", name, n
}
{
	gsub(/\\/, "\\\\"); gsub(/"/, "\\\"");
	printf "\t\"%s\\n\"\n", $0
}
END { printf "\t;\n" }
