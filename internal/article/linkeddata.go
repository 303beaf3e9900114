package article

import (
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// linkedData is what a page's JSON-LD says about its article.
type linkedData struct {
	headline  string
	authors   []ldAuthor
	published string
	modified  string
	publisher string
	url       string
	language  string
	body      string
}

// ldAuthor is one author named in JSON-LD; org marks an Organization (or
// the publisher itself) rather than a person.
type ldAuthor struct {
	name string
	org  bool
}

// articleTypes are the schema.org types whose objects describe the article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "backgroundnewsarticle": true, "reviewnewsarticle": true,
	"blogposting": true, "socialmediaposting": true, "liveblogposting": true, "report": true,
	"scholarlyarticle": true, "techarticle": true, "medicalwebpage": true, "posting": true,
	"discussionforumposting": true, "howto": true, "recipe": true,
}

// organizationTypes are the schema.org types of authors that are not people.
var organizationTypes = map[string]bool{
	"organization": true, "corporation": true, "newsmediaorganization": true, "localbusiness": true,
	"educationalorganization": true, "governmentorganization": true, "ngo": true, "website": true,
	"brand": true, "medicalorganization": true, "collegeoruniversity": true, "onlinebusiness": true,
}

// readLinkedData reads every JSON-LD script of the page and takes the first
// article object it finds (inside arrays and @graph too). A WebPage object is
// used only when there is no article object, and lends its dates to an
// article that has none. Authors given only by @id are looked up.
func readLinkedData(doc *goquery.Document) linkedData {
	article, page, byID := findArticle(doc)
	if article == nil {
		article, page = page, nil
	}
	if article == nil {
		return linkedData{}
	}
	ld := linkedData{
		headline:  firstString(article["headline"], article["name"]),
		published: firstString(article["datePublished"], article["dateCreated"], article["uploadDate"]),
		modified:  firstString(article["dateModified"]),
		publisher: nameOf(resolve(article["publisher"], byID)),
		url:       firstString(article["url"], idOf(article["mainEntityOfPage"])),
		language:  firstString(article["inLanguage"]),
		body:      firstString(article["articleBody"]),
	}
	if page != nil {
		ld.published = firstNonEmpty(ld.published, firstString(page["datePublished"], page["dateCreated"]))
		ld.modified = firstNonEmpty(ld.modified, firstString(page["dateModified"]))
	}
	ld.authors = authorsOf(article["author"], byID, ld.publisher)
	if len(ld.authors) == 0 {
		ld.authors = authorsOf(article["creator"], byID, ld.publisher)
	}
	return ld
}

// findArticle returns the first article object and the first web page
// object of the page's JSON-LD, and every object that has an @id by it.
func findArticle(doc *goquery.Document) (article, page map[string]any, byID map[string]map[string]any) {
	byID = map[string]map[string]any{}
	doc.Find(`script[type*="ld+json" i]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(s.Text())), &v) != nil {
			return
		}
		walkObjects(v, func(o map[string]any) {
			if id, ok := o["@id"].(string); ok && len(o) > 1 && byID[id] == nil {
				byID[id] = o
			}
			isArticle, isPage := typeOf(o)
			if isArticle && article == nil {
				article = o
			}
			if isPage && page == nil {
				page = o
			}
		})
	})
	return article, page, byID
}

// walkObjects calls fn for every JSON object in v, depth first, looking
// into arrays, @graph and mainEntity.
func walkObjects(v any, fn func(map[string]any)) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			walkObjects(e, fn)
		}
	case map[string]any:
		fn(x)
		for _, k := range []string{"@graph", "mainEntity"} {
			if g, ok := x[k]; ok {
				walkObjects(g, fn)
			}
		}
	}
}

// typesOf returns the lower-case @type names of an object.
func typesOf(o map[string]any) []string {
	var types []string
	switch t := o["@type"].(type) {
	case string:
		types = []string{strings.ToLower(t)}
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				types = append(types, strings.ToLower(s))
			}
		}
	}
	return types
}

// typeOf reports whether an object is an article, or a web page.
func typeOf(o map[string]any) (isArticle, isPage bool) {
	for _, t := range typesOf(o) {
		if articleTypes[t] {
			isArticle = true
		}
		if t == "webpage" || t == "itempage" || t == "aboutpage" || t == "collectionpage" {
			isPage = true
		}
	}
	return isArticle, isPage
}

// firstString returns the first non-empty string among vals, looking into
// arrays.
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

// firstNonEmpty returns the first of ss that is not empty.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// resolve replaces a reference object ({"@id": ...} alone) by the object
// with that @id, when the page has one.
func resolve(v any, byID map[string]map[string]any) any {
	o, ok := v.(map[string]any)
	if !ok {
		return v
	}
	if id, ok := o["@id"].(string); ok && o["name"] == nil {
		if full, ok := byID[id]; ok {
			return full
		}
	}
	return o
}

// nameOf returns the name of a Person or Organization object, or a string.
func nameOf(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		if n := firstString(x["name"]); n != "" {
			return n
		}
		return strings.TrimSpace(firstString(x["givenName"]) + " " + firstString(x["familyName"]))
	case []any:
		for _, e := range x {
			if n := nameOf(e); n != "" {
				return n
			}
		}
	}
	return ""
}

// authorsOf returns the authors in one author value or a list of them.
// An author is an organization when its type says so or when it is the
// publisher.
func authorsOf(v any, byID map[string]map[string]any, publisher string) []ldAuthor {
	var out []ldAuthor
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			out = append(out, authorsOf(e, byID, publisher)...)
		}
	default:
		r := resolve(x, byID)
		n := nameOf(r)
		if n == "" || looksLikeURL(n) {
			return nil
		}
		org := publisher != "" && strings.EqualFold(n, publisher)
		if o, ok := r.(map[string]any); ok {
			for _, t := range typesOf(o) {
				org = org || organizationTypes[t]
			}
		}
		out = append(out, ldAuthor{name: n, org: org})
	}
	return out
}

// idOf returns the @id or url of an object, or a string.
func idOf(v any) string {
	if o, ok := v.(map[string]any); ok {
		return firstString(o["@id"], o["url"])
	}
	return firstString(v)
}
