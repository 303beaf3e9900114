package extractor

import (
	"context"

	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
)

// FromHTML runs the whole pipeline on one HTML page and returns its record.
// pageURL is where the page came from ("" when unknown): it resolves the
// page's relative links and dates written in its address, and names the
// record's source (else "-"). A page that cannot be read gives a failed
// record (Record.Error) rather than an error, as the command writes one.
func (x *Extractor) FromHTML(ctx context.Context, html []byte, pageURL string) record.Record {
	return x.Extract(ctx, input.Document{Source: sourceName(pageURL), URL: pageURL, Kind: input.HTML, Data: html})
}

// FromText runs the language stages on a plain text (its first line taken as
// the title when it reads as one, as for a .txt file) and returns its record.
func (x *Extractor) FromText(ctx context.Context, text string) record.Record {
	return x.Extract(ctx, input.Document{Source: "-", Kind: input.Text, Data: []byte(text)})
}

// sourceName is the name a record of a page from pageURL carries.
func sourceName(pageURL string) string {
	if pageURL == "" {
		return "-"
	}
	return pageURL
}
