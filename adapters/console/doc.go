// Package console is the terminal and file platform: it renders digests and
// command replies as Markdown, plain text or JSON, and its Deliverer writes
// them to standard output or appends them to a file. The CLI prints with it,
// and a `console` channel delivers through it. Text from articles is
// untrusted: Markdown-significant characters are escaped, control
// characters (terminal escape sequences) removed, and only http(s) links
// rendered as links.
package console
