# Turns a text file into a C string constant named by -v name=NAME.
BEGIN { printf "/* Generated from the schema file; do not edit. */\n" }
BEGIN { printf "const char %s[] =\n", name }
{
	gsub(/\\/, "\\\\"); gsub(/"/, "\\\"");
	printf "\t\"%s\\n\"\n", $0
}
END { printf "\t;\n" }
