# Turns SQL files into a C array of {name, text} pairs.  Run as
#   cmake -DNAME=il_schema -DOUTPUT=out.c -DFILES="a.sql;b.sql" -P embed.cmake
# The generated file is not to be edited: change the .sql files instead.
set(body "/* Generated from SQL files by scripts/embed.cmake; do not edit. */\n")
string(APPEND body "#include \"impactlog/embed.h\"\n\n")
set(table "")
set(index 0)
foreach(file IN LISTS FILES)
  get_filename_component(base "${file}" NAME)
  file(READ "${file}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
  string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)"
         "\\1\n    " hex "${hex}")
  string(APPEND body "static const char text_${index}[] = {\n    ${hex}0x00};\n")
  string(APPEND table "    {\"${base}\", text_${index}},\n")
  math(EXPR index "${index} + 1")
endforeach()
string(APPEND body "\nconst struct il_embedded ${NAME}[] = {\n${table}    {0, 0},\n};\n")
string(APPEND body "const int ${NAME}_count = ${index};\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
