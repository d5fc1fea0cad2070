# date and TZ: POSIX TZ strings (Duplex has no zone files): fixed offsets,
# names in <...>, daylight time with M, J and plain day rules, the
# southern hemisphere, the changes' edges; -d and touch -t read local
# time; -u and unset TZ are UTC. Outputs as GNU date's.
echo "--- fixed offsets"
date -d @0
TZ=UTC date -d @0
TZ=UTC0 date -d @0
TZ=UTC-2 date -d @0
TZ=UTC+5 date -d @0 '+%F %T %z %Z'
TZ='<+0530>-5:30' date -d @0 '+%F %T %z %Z'
TZ='<-03>3' date -d @86399 '+%F %T %z %Z %s'
TZ=ABC-1:30:15 date -d @0 '+%T %z'
TZ=UTC-2 date -u -d @0
echo "--- daylight time, US rules (M3.2.0, M11.1.0)"
for t in 1710053999 1710054000 1730613599 1730613600 1720000000; do
    TZ=XST5XDT,M3.2.0,M11.1.0 date -d @$t '+%F %T %z %Z'
done
TZ=XST5XDT date -d @1720000000 '+%F %T %z %Z'
echo "--- Europe (M3.5.0, M10.5.0/3) and an hour's other offset"
for t in 1711846799 1711846800 1729990799 1729990800; do
    TZ=CET-1CEST,M3.5.0,M10.5.0/3 date -d @$t '+%F %T %z %Z'
done
TZ='ABC-1DEF-3,M3.5.0,M10.5.0/3' date -d @1720000000 '+%F %T %z %Z'
echo "--- the southern hemisphere (M10.1.0, M4.1.0/3)"
for t in 1704067200 1720000000; do
    TZ=AEST-10AEDT,M10.1.0,M4.1.0/3 date -d @$t '+%F %T %z %Z'
done
echo "--- J and plain day rules"
TZ=XST5XDT,J60,J300 date -d @1709294400 '+%F %T %Z'
TZ=XST5XDT,J60,J300 date -d @1709200000 '+%F %T %Z'
TZ=XST5XDT,59,299 date -d @1709294400 '+%F %T %Z'
echo "--- -d and touch -t: local time"
TZ=UTC-2 date -d '2024-01-01 12:00' +%s
TZ=CET-1CEST,M3.5.0,M10.5.0/3 date -d '2024-07-01 12:00' '+%s %F %T %Z'
TZ=CET-1CEST,M3.5.0,M10.5.0/3 date -d '2024-07-01 12:00Z' '+%F %T %Z'
TZ=UTC-2 date -d '2024-01-01 12:00 +0000' '+%F %T'
rm -f /tmp/tz_f
TZ=UTC-2 touch -t 202401011200 /tmp/tz_f
date -r /tmp/tz_f '+%F %T %Z'
TZ=UTC-2 date -r /tmp/tz_f '+%F %T %Z'
rm -f /tmp/tz_f
echo "--- strings that are not zones: UTC"
TZ= date -d @0 '+%T %Z'
TZ=X1 date -d @0 '+%T %z'
echo "--- %N, %:z and -I"
date -u -d 2012-01-23T12:34:56.123456789Z '+%N %1N %3N %9N %%N %:z'
TZ='<+0530>-5:30' date -d @0 '+%T %:z'
for i in '' d h m s n; do
    TZ=UTC-2 date -d 2012-01-23T12:34:56.123456789Z -I$i
done
touch -d 2012-01-23T12:34:56.5Z /tmp/tz_f
date -r /tmp/tz_f -u '+%T.%N'
rm -f /tmp/tz_f
echo "--- -d with a time only: today"
TZ=UTC-2 date -d 12:34 '+%T %z'
TZ=UTC-2 date -d 12:34:56Z '+%T'
TZ=UTC-2 date -d '12:34 +0100' '+%T'
[ "$(date -d 12:00 +%F)" = "$(date +%F)" ] && echo today
