package cli

// This file keeps the REPL's history file. readline's own file support
// stores one line per entry and trims it, which loses a multi-line input's
// indentation; here an entry is a whole input (a function definition with
// its body), stored on one line of the file with its newlines and
// backslashes escaped, and restored as it was typed.

import (
	"bufio"
	"os"
	"strings"
)

// historyLimit is how many entries the file keeps.
const historyLimit = 1000

// escapeHistory turns an entry into one line of the history file.
func escapeHistory(entry string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(entry)
}

// unescapeHistory is the inverse of escapeHistory.
func unescapeHistory(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '\\' && i+1 < len(line) {
			switch line[i+1] {
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			case '\\':
				b.WriteByte('\\')
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// loadHistory reads the entries of the history file at path (the newest
// historyLimit of them), rewriting the file when it held more.
func loadHistory(path string) []string {
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	var entries []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		if line := sc.Text(); strings.TrimSpace(line) != "" {
			entries = append(entries, unescapeHistory(line))
		}
	}
	f.Close()
	if len(entries) > historyLimit {
		entries = entries[len(entries)-historyLimit:]
		var b strings.Builder
		for _, e := range entries {
			b.WriteString(escapeHistory(e) + "\n")
		}
		os.WriteFile(path, []byte(b.String()), 0o600)
	}
	return entries
}

// appendHistory adds an entry to the history file at path.
func appendHistory(path, entry string) {
	if path == "" {
		return
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	f.WriteString(escapeHistory(entry) + "\n")
	f.Close()
}

// historyEntry is the history entry of an input: its text without the
// blank lines that end it.
func historyEntry(src string) string {
	lines := strings.Split(src, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}
