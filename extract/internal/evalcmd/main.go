// Command evalcmd reads one article on stdin and prints its analysis as JSON;
// it exists to run the scorer in /work/shared/eval against the package.
package main

import (
	"encoding/json"
	"io"
	"log"
	"os"

	"github.com/attache-bot/attache/extract"
)

func main() {
	text, err := io.ReadAll(os.Stdin)
	if err != nil {
		log.Fatal(err)
	}
	e, err := extract.New()
	if err != nil {
		log.Fatal(err)
	}
	out, err := json.Marshal(e.Analyze(string(text)))
	if err != nil {
		log.Fatal(err)
	}
	os.Stdout.Write(append(out, '\n'))
}
