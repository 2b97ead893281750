// Package examples embeds the sample articles in examples/articles, so that
// `attache digest` works with no configuration, network or database. The
// embed lives here because go:embed cannot reach a parent directory.
package examples

import (
	"embed"
	"io/fs"
)

//go:embed articles
var articles embed.FS

// Articles is the sample articles directory, one article per file.
func Articles() fs.FS {
	sub, err := fs.Sub(articles, "articles")
	if err != nil {
		panic(err) // the directory is embedded above; this cannot fail
	}
	return sub
}
