# XCU utilities: cat, echo (XSI: backslash sequences), printf.
#@ cat-files  cat: concatenates files in order
printf 'a\n' > 1; printf 'b\n' > 2; cat 1 2
#@ cat-dash  cat: - is standard input
printf 'mid\n' > m; echo in | cat m - m
#@ cat-u  cat: -u is accepted
echo unbuffered | cat -u
#@ cat-missing  cat: a missing file is an error, the others are still written
echo ok > f; cat f nonexistent f; [ $? -ne 0 ] && echo failed
#@ cat-binary  cat: bytes are copied unchanged
printf 'a\000b\377\n' | cat | od -An -tx1
#@ cat-no-newline  cat: a last line without newline stays so
printf 'x' > f; cat f f; echo
#@ echo-args  echo: arguments separated by single spaces
echo a   b    c
#@ echo-empty  echo: no arguments writes a newline
echo; echo end
#@ echo-escapes  echo (XSI): \n \t \\ in the arguments
echo 'a\tb\nc\\d'
#@ echo-c  echo (XSI): \c ends the output
echo 'abc\cdef'; echo
#@ echo-octal  echo (XSI): \0num is an octal byte
echo '\0101\0102'
#@ printf-s  printf: %s and a newline by \n
printf '%s-%s\n' a b
#@ printf-reuse  printf: the format is reused for the remaining arguments
printf '%s,' a b c; echo
printf '[%s %s]\n' 1 2 3
#@ printf-d  printf: %d %i %o %x %X %u
printf '%d %i %o %x %X %u\n' 42 -7 8 255 255 3
#@ printf-width  printf: field width, precision and flags
printf '[%5s][%-5s][%.2s][%05d][%+d][% d]\n' ab ab abcdef 42 3 3
#@ printf-char-const  printf: a leading quote gives the character's value
printf '%d %d\n' "'A" '"a'
#@ printf-escapes  printf: backslash escapes in the format
printf 'a\tb\\c\101\n'
#@ printf-b  printf: %b expands escapes in the argument
printf '%b\n' 'x\ty' 'o\0101'
#@ printf-percent  printf: %% is a percent sign
printf '100%%\n'
#@ printf-missing  printf: missing arguments are empty or zero
printf '[%s][%d]\n'
#@ printf-c  printf: %c writes the first character
printf '%c%c\n' hello world
#@ printf-bad-number  printf: an invalid number is diagnosed and the status is above 0
printf '%d\n' abc; [ $? -ne 0 ] && echo failed
#@ printf-hex-arg  printf: numeric arguments in C notation
printf '%d %d\n' 0x10 010
#@ echo-no-options  echo (XSI): -e is not an option, it is written
echo -e 'a'
#@ echo-backslash  echo (XSI): \\ is one backslash, \a \b \f \r \v are bytes
echo 'x\\y'; echo '\a\b\f\r\v' | od -An -tx1 | sed 's/^ *//; s/  */ /g; s/ *$//'
#@ printf-no-args  printf: a format without conversions, no arguments
printf 'plain\n'; printf '%s\n'
#@ printf-precision-d  printf: a precision for %d is the minimum digits
printf '%.3d|%5.2d|%-4d|\n' 5 7 3
#@ printf-alt  printf: the # flag for %o and %x
printf '%#o %#x\n' 8 255
#@ printf-b-c  printf: \c in a %b argument ends all output
printf '%b|%s\n' 'a\cb' never; echo
#@ printf-b-octal  printf: %b takes \0ddd, the format takes \ddd
printf '%b' '\0101\n'; printf '\101\n'
#@ printf-neg-width  printf: - flag and widths with strings
printf '[%-3s][%3s]\n' a b
#@ printf-plus-sign  printf: numeric arguments with signs
printf '%d %d %i\n' +5 -0 +0
#@ printf-u-o-zero  printf: zero in %o %x %u
printf '%o %x %u\n' 0 0 0
#@ cat-stdin-twice  cat: - twice reads standard input once, then nothing
echo once > f; echo input | cat - f -
