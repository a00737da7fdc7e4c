// kstatus computes the status that Flux and kpt read (sigs.k8s.io/cli-utils/pkg/kstatus) of objects read as a
// JSON array from stdin, and prints a JSON array of {"status", "message"}, one per object.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	"sigs.k8s.io/cli-utils/pkg/kstatus/status"
)

type result struct {
	Status  string `json:"status"`
	Message string `json:"message"`
}

func main() {
	raw, err := io.ReadAll(os.Stdin)
	check(err)
	var items []map[string]any
	// Kubernetes' own decoding: whole numbers as int64, as an API client reads them (kstatus insists).
	check(utiljson.Unmarshal(raw, &items))
	out := make([]result, 0, len(items))
	for _, item := range items {
		s, err := status.Compute(&unstructured.Unstructured{Object: item})
		check(err)
		out = append(out, result{Status: s.Status.String(), Message: s.Message})
	}
	check(json.NewEncoder(os.Stdout).Encode(out))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "kstatus:", err)
		os.Exit(1)
	}
}
