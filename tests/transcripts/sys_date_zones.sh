# Time zones by name (TZ=Europe/Berlin; the C library's table of today's
# rules) and date -d's free form: names of months and days, offsets after
# a time, relative items, a leading TZ="...", date's own output read back;
# options after the +FORMAT operand. Outputs as GNU date's.
echo "--- zones by name"
for z in Europe/Berlin America/New_York America/Los_Angeles Europe/London \
         Asia/Kolkata Australia/Sydney Asia/Tokyo :Europe/Paris Etc/GMT+5 UTC; do
    TZ=$z date -d @1720000000 '+%F %T %z %Z'
    TZ=$z date -d @1735000000 '+%F %T %z %Z'
done
TZ=Europe/Berlin date -d @0
TZ=America/New_York date -d '2024-03-10 03:30' '+%F %T %Z'
TZ=America/New_York date -d '2024-11-03 12:00' '+%s'
echo "--- a date in one zone, shown in another"
TZ=America/Los_Angeles date -d 'TZ="Europe/Berlin" 2018-01-04 08:00'
TZ=America/Los_Angeles date -d 'TZ="Europe/Berlin" 2018-10-04 08:00'
TZ=America/Los_Angeles date -d 'TZ="GMT" @1533427200'
echo "--- offsets after a time"
for d in '2020-08-01T12:34:56Z' '2020-08-01T12:34:56 Z ' 2020-08-01T12:34:56-0800 \
         2020-08-01T12:34:56+08:00 2020-08-01T12:34:56+8 2020-08-01T12:34:56+008 \
         '2020-08-01T12:34:56 + 8 : 8 ' '2020-08-01 12:34 UTC'; do
    date -u -d "$d"
done
echo "--- names of months and days, am and pm"
date -u -d 'Jan 5 2021' '+%F %T'
date -u -d '5 January 2021 3:04 pm' '+%F %T'
date -u -d 'Sat Aug  1 12:34:56 UTC 2020' '+%F %T'
date -u -d 'December 25, 2023 12:00 am' '+%F %T'
date -u -d 20240131 '+%F %T'
echo "--- date's own output read back"
TZ=Europe/Berlin date -d "$(TZ=Europe/Berlin date -d @1598476818)" +%s
TZ=Europe/Berlin date -d "$(TZ=Europe/Berlin date -d @1580000000)" +%s
echo "--- relative items"
date -u -d '2024-03-01 +3 days' '+%F %T'
date -u -d '2024-03-01 12:00 1 day ago' '+%F %T'
date -u -d '2024-01-31 1 month' '+%F'
date -u -d '2024-02-29 next year' '+%F'
date -u -d '2024-01-01 2 weeks' '+%F'
date -u -d '2024-01-01 10:00 90 minutes' '+%F %T'
date -u -d '2024-01-01 last day' '+%F'
[ "$(date -d yesterday +%s)" -lt "$(date +%s)" ] && echo yesterday is earlier
[ "$(date -d '2 days ago' +%F)" = "$(date -d @$(($(date +%s) - 172800)) +%F)" ] && echo 2 days ago
[ "$(date -d 'next monday' +%a)" = Mon ] && echo next monday is a Monday
[ "$(date -d '' +%T)" = 00:00:00 ] && echo empty is midnight
echo "--- options after the format"
touch -d '2012-01-23 12:34:56' /tmp/dz_f
date +%F -r /tmp/dz_f
date '+%T' -u -d @0
rm -f /tmp/dz_f
echo "--- errors"
date -d 'Jan 32 2020'; echo "status $?"
date -d '25:00'; echo "status $?"
date -d 'nonsense'; echo "status $?"
date -d '2020-01-01 3 parsecs'; echo "status $?"
