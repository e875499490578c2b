# Generates the table of look-alike radicals from the Unicode Character Database's
# EquivalentUnifiedIdeograph.txt (Debian's unicode-data package): each Kangxi radical
# (U+2F00..2FD5) and CJK radical supplement character (U+2E80..2EF3) with the unified
# ideograph it stands for. Only these two blocks are taken (the file also lists strokes).
#   cmake -DUCD_FILE=... -DOUT=... -P lookalikes.cmake
file(STRINGS "${UCD_FILE}" rows REGEX "^[0-9A-F]")
set(body "")
foreach(row IN LISTS rows)
  if(NOT row MATCHES "^([0-9A-F]+)(\\.\\.([0-9A-F]+))? *; *([0-9A-F]+)")
    continue()
  endif()
  set(first "${CMAKE_MATCH_1}")
  set(last "${CMAKE_MATCH_3}")
  set(to "${CMAKE_MATCH_4}")
  if(last STREQUAL "")
    set(last "${first}")
  endif()
  math(EXPR lo "0x${first}")
  math(EXPR hi "0x${last}")
  if(lo LESS 11904 OR hi GREATER 12255)  # 0x2E80 .. 0x2FDF
    continue()
  endif()
  foreach(c RANGE ${lo} ${hi})
    math(EXPR hex "${c}" OUTPUT_FORMAT HEXADECIMAL)
    string(APPEND body "{${hex}, 0x${to}},\n")
  endforeach()
endforeach()
if(body STREQUAL "")
  message(FATAL_ERROR "no radicals read from ${UCD_FILE}")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${UCD_FILE} by cmake/lookalikes.cmake.\n${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
