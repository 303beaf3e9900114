package article

import (
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// linkedData is what a page's JSON-LD says about its article.
type linkedData struct {
	headline  string
	authors   []string
	published string
	publisher string
	url       string
	language  string
	body      string
}

// articleTypes are the schema.org types whose objects describe the article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "backgroundnewsarticle": true, "reviewnewsarticle": true,
	"blogposting": true, "socialmediaposting": true, "liveblogposting": true, "report": true,
	"scholarlyarticle": true, "techarticle": true, "webpage": false,
}

// readLinkedData reads every JSON-LD script of the page and takes the first
// article object it finds (inside arrays and @graph too). A WebPage object is
// used only when there is no article object.
func readLinkedData(doc *goquery.Document) linkedData {
	var article, page map[string]any
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(s.Text())), &v) != nil {
			return
		}
		walkObjects(v, func(o map[string]any) {
			isArticle, isPage := typeOf(o)
			if isArticle && article == nil {
				article = o
			}
			if isPage && page == nil {
				page = o
			}
		})
	})
	if article == nil {
		article = page
	}
	if article == nil {
		return linkedData{}
	}
	ld := linkedData{
		headline:  firstString(article["headline"], article["name"]),
		published: firstString(article["datePublished"], article["dateCreated"], article["uploadDate"]),
		publisher: nameOf(article["publisher"]),
		url:       firstString(article["url"], idOf(article["mainEntityOfPage"])),
		language:  firstString(article["inLanguage"]),
		body:      firstString(article["articleBody"]),
	}
	ld.authors = namesOf(article["author"])
	if len(ld.authors) == 0 {
		ld.authors = namesOf(article["creator"])
	}
	return ld
}

// walkObjects calls fn for every JSON object in v, depth first.
func walkObjects(v any, fn func(map[string]any)) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			walkObjects(e, fn)
		}
	case map[string]any:
		fn(x)
		if g, ok := x["@graph"]; ok {
			walkObjects(g, fn)
		}
	}
}

// typeOf reports whether an object is an article, or a web page.
func typeOf(o map[string]any) (isArticle, isPage bool) {
	var types []string
	switch t := o["@type"].(type) {
	case string:
		types = []string{t}
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				types = append(types, s)
			}
		}
	}
	for _, t := range types {
		t = strings.ToLower(t)
		if articleTypes[t] {
			isArticle = true
		}
		if t == "webpage" {
			isPage = true
		}
	}
	return isArticle, isPage
}

func firstString(vals ...any) string {
	for _, v := range vals {
		switch x := v.(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" {
				return s
			}
		case []any:
			if s := firstString(x...); s != "" {
				return s
			}
		}
	}
	return ""
}

// nameOf returns the name of a Person or Organization object, or a string.
func nameOf(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return firstString(x["name"])
	case []any:
		for _, e := range x {
			if n := nameOf(e); n != "" {
				return n
			}
		}
	}
	return ""
}

// namesOf returns the names of one author or a list of them.
func namesOf(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			out = append(out, namesOf(e)...)
		}
	default:
		if n := nameOf(x); n != "" && !looksLikeURL(n) {
			out = append(out, n)
		}
	}
	return out
}

func idOf(v any) string {
	if o, ok := v.(map[string]any); ok {
		return firstString(o["@id"], o["url"])
	}
	return firstString(v)
}
