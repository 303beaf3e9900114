package input

import (
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// acceptEncoding is what fetch asks servers for; decodeContent undoes it.
const acceptEncoding = "gzip, br"

// decodeContent undoes the content codings that a Content-Encoding header
// names, last applied first: gzip, br (brotli), deflate and identity.
func decodeContent(rd io.Reader, header string) (io.Reader, error) {
	codings := strings.Split(header, ",")
	for i := len(codings) - 1; i >= 0; i-- {
		var err error
		switch coding := strings.ToLower(strings.TrimSpace(codings[i])); coding {
		case "", "identity":
		case "gzip", "x-gzip":
			rd, err = gzip.NewReader(rd)
		case "br":
			rd = brotli.NewReader(rd)
		case "deflate":
			rd, err = zlib.NewReader(rd)
		default:
			return nil, fmt.Errorf("the content encoding %q is not supported", coding)
		}
		if err != nil {
			return nil, fmt.Errorf("unpacking the %s content: %w", strings.TrimSpace(codings[i]), err)
		}
	}
	return rd, nil
}
