package time

// This file formats a broken-down time as C's strftime does in the C
// locale (glibc's behaviour, which CPython on Linux shows): every POSIX
// directive and glibc's common extensions; an unknown directive is copied
// as it is.

import (
	"strconv"
	"strings"
)

var (
	dayNames   = [7]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	monthNames = [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// pad formats n with at least width digits, padded with pad ('0' or ' ').
func pad(b *strings.Builder, n, width int, padc byte) {
	if n < 0 {
		b.WriteByte('-')
		n = -n
	}
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b.WriteByte(padc)
	}
	b.WriteString(s)
}

// isoWeek returns the ISO 8601 year and week of t.
func (t tm) isoWeek() (year, week int) {
	// The ISO week belongs to the year holding its Thursday.
	wday := t.Wday // Monday = 0
	yday := t.Yday - 1
	year = t.Year
	thursday := yday - wday + 3
	if thursday < 0 {
		year--
		thursday += daysInYear(year)
	} else if thursday >= daysInYear(year) {
		thursday -= daysInYear(year)
		year++
	}
	return year, thursday/7 + 1
}

func daysInYear(y int) int {
	if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 366
	}
	return 365
}

// strftime formats t. zoneName and zoneOff are used when t carries no
// zone of its own.
func strftime(format string, t tm, zoneName string, zoneOff int) string {
	var b strings.Builder
	hour12 := t.Hour % 12
	if hour12 == 0 {
		hour12 = 12
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'a':
			b.WriteString(dayNames[t.Wday][:3])
		case 'A':
			b.WriteString(dayNames[t.Wday])
		case 'b', 'h':
			b.WriteString(monthNames[t.Mon-1][:3])
		case 'B':
			b.WriteString(monthNames[t.Mon-1])
		case 'c':
			b.WriteString(strftime("%a %b %e %H:%M:%S %Y", t, zoneName, zoneOff))
		case 'C':
			pad(&b, floorDiv(t.Year, 100), 2, '0')
		case 'd':
			pad(&b, t.Mday, 2, '0')
		case 'D':
			b.WriteString(strftime("%m/%d/%y", t, zoneName, zoneOff))
		case 'e':
			pad(&b, t.Mday, 2, ' ')
		case 'F':
			b.WriteString(strftime("%Y-%m-%d", t, zoneName, zoneOff))
		case 'G':
			y, _ := t.isoWeek()
			pad(&b, y, 1, '0')
		case 'g':
			y, _ := t.isoWeek()
			pad(&b, floorMod(y, 100), 2, '0')
		case 'H':
			pad(&b, t.Hour, 2, '0')
		case 'I':
			pad(&b, hour12, 2, '0')
		case 'j':
			pad(&b, t.Yday, 3, '0')
		case 'k':
			pad(&b, t.Hour, 2, ' ')
		case 'l':
			pad(&b, hour12, 2, ' ')
		case 'm':
			pad(&b, t.Mon, 2, '0')
		case 'M':
			pad(&b, t.Min, 2, '0')
		case 'n':
			b.WriteByte('\n')
		case 'p':
			if t.Hour < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'P':
			if t.Hour < 12 {
				b.WriteString("am")
			} else {
				b.WriteString("pm")
			}
		case 'r':
			b.WriteString(strftime("%I:%M:%S %p", t, zoneName, zoneOff))
		case 'R':
			b.WriteString(strftime("%H:%M", t, zoneName, zoneOff))
		case 'S':
			pad(&b, t.Sec, 2, '0')
		case 't':
			b.WriteByte('\t')
		case 'T':
			b.WriteString(strftime("%H:%M:%S", t, zoneName, zoneOff))
		case 'u':
			pad(&b, t.Wday+1, 1, '0')
		case 'U':
			// Weeks starting on Sunday; days before the first Sunday are week 0.
			sunday0 := (t.Wday + 1) % 7
			pad(&b, (t.Yday-1+7-sunday0)/7, 2, '0')
		case 'V':
			_, w := t.isoWeek()
			pad(&b, w, 2, '0')
		case 'w':
			pad(&b, (t.Wday+1)%7, 1, '0')
		case 'W':
			pad(&b, (t.Yday-1+7-t.Wday)/7, 2, '0')
		case 'x':
			b.WriteString(strftime("%m/%d/%y", t, zoneName, zoneOff))
		case 'X':
			b.WriteString(strftime("%H:%M:%S", t, zoneName, zoneOff))
		case 'y':
			pad(&b, floorMod(t.Year, 100), 2, '0')
		case 'Y':
			pad(&b, t.Year, 1, '0')
		case 'z':
			off := zoneOff
			if t.HasZone {
				off = t.Gmtoff
			}
			sign := byte('+')
			if off < 0 {
				sign, off = '-', -off
			}
			b.WriteByte(sign)
			pad(&b, off/3600, 2, '0')
			pad(&b, off/60%60, 2, '0')
		case 'Z':
			if t.HasZone {
				b.WriteString(t.Zone)
			} else {
				b.WriteString(zoneName)
			}
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }
