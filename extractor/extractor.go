// Package extractor turns news articles into records: the article's text
// and metadata, the people, organizations and places it names, and every
// quotation with who said it. Make one Extractor with New (nil for the
// built-in rules) and call FromHTML, FromText or, for the inputs package
// input lists (files, folders, URLs, feeds), FromSource; each gives a
// record.Record, which writes itself as the extract command's JSON.
//
// Inside, the record comes from stages that are each a function from a
// value to a value, in packages of their own under internal/:
//
//	input.Document ─ article ─> article.Article ─ nlp ─> nlp.Doc
//	  ─ entities ─> entities.Result ─ quotes ─> []quotes.Quote ─ record ─> record.Record
//
// An Extractor holds what the stages load once (prose's models, the
// gazetteer, the compiled rules) and is safe for concurrent use.
package extractor

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/extract-news/extract/extractor/input"
	"github.com/extract-news/extract/extractor/record"
	"github.com/extract-news/extract/internal/article"
	"github.com/extract-news/extract/internal/entities"
	"github.com/extract-news/extract/internal/gazetteer"
	"github.com/extract-news/extract/internal/language"
	"github.com/extract-news/extract/internal/lexicon"
	"github.com/extract-news/extract/internal/nlp"
	"github.com/extract-news/extract/internal/quotes"
	"github.com/extract-news/extract/rules"
)

// Extractor runs the pipeline.
type Extractor struct {
	analyzer   *nlp.Analyzer
	recognizer *entities.Recognizer
	finder     *quotes.Finder
	only       map[string]bool // the languages to analyze; nil for all
}

// New loads the models and compiles the rules of set; nil means the
// built-in rules (rules.Default), which is what most programs want.
func New(set *rules.Set) (*Extractor, error) {
	if set == nil {
		var err error
		if set, err = rules.Default(); err != nil {
			return nil, fmt.Errorf("loading the built-in rules: %w", err)
		}
	}
	analyzer, err := nlp.NewAnalyzer(abbreviations(set))
	if err != nil {
		return nil, err
	}
	gaz, err := gazetteer.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the gazetteer: %w", err)
	}
	lex := lexicon.New(set)
	return &Extractor{
		analyzer:   analyzer,
		recognizer: entities.NewRecognizer(lex, gaz),
		finder:     quotes.NewFinder(lex, set),
	}, nil
}

// WithLanguages returns an extractor that runs the entity and quote stages
// only on articles in one of the languages given (ISO 639-1 codes, such as
// "en"), as for a run that keeps only those articles; no codes for all.
func (x *Extractor) WithLanguages(codes ...string) *Extractor {
	y := *x
	y.only = nil
	if len(codes) > 0 {
		y.only = map[string]bool{}
		for _, c := range codes {
			y.only[c] = true
		}
	}
	return &y
}

// abbreviations are the titles, honorifics and organization words that end
// with a period, after which a sentence does not end ("Lt. Gen. Mark Hale")
// and which keep their period ("First Albany Corp.").
func abbreviations(set *rules.Set) []string {
	var out []string
	for _, list := range [][]*rules.WordRule{set.Titles, set.Honorifics, set.Organizations} {
		for _, r := range list {
			for _, w := range r.Words {
				if f := strings.Fields(w); len(f) > 0 && strings.HasSuffix(f[len(f)-1], ".") {
					out = append(out, f...)
				}
			}
		}
	}
	return out
}

// Extract runs the whole pipeline on one document. A document that cannot
// be parsed, or a cancelled context, gives a failed record naming the input.
// The document's ID and Meta, if any, are the record's.
//
// The document's bytes are not used past the first stage, so that the
// garbage collector can free them while the language stages run.
func (x *Extractor) Extract(ctx context.Context, doc input.Document) record.Record {
	id, meta := doc.ID, doc.Meta
	rec := x.extract(ctx, doc)
	rec.ID, rec.Meta = id, meta
	return rec
}

func (x *Extractor) extract(ctx context.Context, doc input.Document) record.Record {
	source := doc.Source
	if err := ctx.Err(); err != nil {
		return record.Failed(source, fmt.Errorf("%s: %w", source, err))
	}
	a, err := x.readArticle(doc)
	if err != nil {
		return record.Failed(source, err)
	}
	rec, err := x.fromArticle(ctx, source, a)
	if err != nil {
		return record.Failed(source, err)
	}
	return rec
}

// readArticle is the first stage: the document's text and metadata.
func (x *Extractor) readArticle(doc input.Document) (article.Article, error) {
	if doc.Kind == input.Text {
		return article.FromText(string(doc.Data)), nil
	}
	a, err := article.FromHTML(doc.Data, doc.ContentType, doc.URL)
	if err != nil {
		return a, fmt.Errorf("%s: %w", doc.Source, err)
	}
	return a, nil
}

// findEntities runs the stages up to entities on a text: tokens, sentences,
// tags and entities.
func (x *Extractor) findEntities(ctx context.Context, text string) (*entities.Result, error) {
	doc, err := x.analyzer.Analyze(ctx, text)
	if err != nil {
		return nil, err
	}
	return x.recognizer.Find(ctx, doc)
}

// MaxAnalyzed is the most text, in bytes, that the language stages read
// (2 MB, some 350,000 words: thirty times the longest article of the gold
// sets). Their memory grows with the text, about 60 bytes a byte at its
// peak, and a longer text is a book or a dump of data, not a news article.
const MaxAnalyzed = 2 << 20

// fromArticle runs the language stages on an article's text and builds its
// record. Of a text longer than MaxAnalyzed, they read the lines that end
// within its first MaxAnalyzed bytes, and the record says how much that is
// (Record.Analyzed). It stops early, with the context's error, when ctx is
// done.
//
// The record's language is the page's own (its markup), unless the text
// reads clearly as another language, else the one detected. The entity
// and quote stages run only for the languages their rules cover (English),
// and for text whose language could not be told; for another language the
// record has no entities and quotes and lists the stages in Skipped.
func (x *Extractor) fromArticle(ctx context.Context, source string, a article.Article) (record.Record, error) {
	text := analyzed(a.Text)
	lang, from := languageOf(a.Language, text)
	if lang != "" && (!covered(lang) || x.only != nil && !x.only[lang]) {
		rec := record.Build(source, a, &entities.Result{}, nil)
		rec.Language, rec.LanguageSource, rec.Skipped = lang, from, skippedStages
		return rec, nil
	}
	rec, err := x.analyze(ctx, source, a, text)
	rec.Language, rec.LanguageSource = lang, from
	return rec, err
}

// analyze runs the entity and quote stages on text, the start of a's.
func (x *Extractor) analyze(ctx context.Context, source string, a article.Article, text string) (record.Record, error) {
	doc, err := x.analyzer.Analyze(ctx, text)
	if err != nil {
		return record.Record{}, fmt.Errorf("analyzing %s: %w", source, err)
	}
	ents, err := x.recognizer.Find(ctx, doc)
	if err != nil {
		return record.Record{}, fmt.Errorf("finding the entities of %s: %w", source, err)
	}
	qs, err := x.finder.Find(ctx, doc, ents)
	if err != nil {
		return record.Record{}, fmt.Errorf("finding the quotes of %s: %w", source, err)
	}
	spoken := map[int]int{}
	for _, q := range qs {
		if q.Speaker != nil && q.Speaker.Entity >= 0 {
			spoken[q.Speaker.Entity]++
		}
	}
	ents.Score(spoken, len(text))
	rec := record.Build(source, a, ents, qs)
	if len(text) < len(a.Text) {
		rec.Analyzed = utf8.RuneCountInString(text)
	}
	return rec, nil
}

// RulesLanguages are the languages, as ISO 639-1 codes, that the entity
// and quote rules are written for.
var RulesLanguages = []string{"en"}

// skippedStages are the stages left out for a language the rules do not
// cover, as a record lists them.
var skippedStages = []string{"entities", "quotes"}

func covered(lang string) bool { return slices.Contains(RulesLanguages, lang) }

// languageOf returns the language of an article whose markup says markup
// (a primary subtag, or "") and whose text is text, and where it comes
// from: record.FromMarkup or record.FromDetection; "" and "" when neither
// tells. Detection overrides the markup when it is reliable, since many
// sites' templates say lang="en" on every page.
func languageOf(markup, text string) (lang, from string) {
	g := language.Detect(text, RulesLanguages...)
	switch {
	case markup != "" && (!g.Reliable || g.Code == markup):
		return markup, record.FromMarkup
	case g.Reliable:
		return g.Code, record.FromDetection
	case markup != "":
		return markup, record.FromMarkup
	}
	return "", ""
}

// analyzed returns the start of text that the language stages read: all of
// it, or, past MaxAnalyzed bytes, up to the last line break within them
// (else the last space, else the last whole character).
func analyzed(text string) string {
	if len(text) <= MaxAnalyzed {
		return text
	}
	head := text[:MaxAnalyzed]
	if i := strings.LastIndexByte(head, '\n'); i > 0 {
		return head[:i]
	}
	if i := strings.LastIndexByte(head, ' '); i > 0 {
		return head[:i]
	}
	for i := MaxAnalyzed; i > 0; i-- {
		if utf8.RuneStart(text[i]) {
			return text[:i]
		}
	}
	return ""
}
