// argocd-lua runs Argo CD's Lua engine (github.com/argoproj/argo-cd/v3/util/lua, as the application controller
// does) with the resource customizations of an argocd-cm ConfigMap, on objects read as a JSON array from stdin:
//
//	argocd-lua <argocd-cm.yaml> health          a JSON array of {"status", "message"}, one per object
//	argocd-lua <argocd-cm.yaml> discovery       a JSON array of the actions each object offers
//	argocd-lua <argocd-cm.yaml> action <name>   a JSON array of the objects the action returns
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	appv1 "github.com/argoproj/argo-cd/v3/pkg/apis/application/v1alpha1"
	"github.com/argoproj/argo-cd/v3/util/lua"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	"sigs.k8s.io/yaml"
)

const (
	healthPrefix  = "resource.customizations.health."
	actionsPrefix = "resource.customizations.actions."
)

func main() {
	if len(os.Args) < 3 {
		fail("usage: argocd-lua <argocd-cm.yaml> health|discovery|action <name>")
	}
	vm := lua.VM{ResourceOverrides: overrides(os.Args[1])}
	objects := read()
	var out []any
	for _, obj := range objects {
		switch os.Args[2] {
		case "health":
			script, _, err := vm.GetHealthScript(obj)
			check(err)
			if script == "" {
				fail("no health script for " + obj.GroupVersionKind().String())
			}
			status, err := vm.ExecuteHealthLua(obj, script)
			check(err)
			out = append(out, status)
		case "discovery":
			scripts, err := vm.GetResourceActionDiscovery(obj)
			check(err)
			actions, err := vm.ExecuteResourceActionDiscovery(obj, scripts)
			check(err)
			out = append(out, actions)
		case "action":
			if len(os.Args) < 4 {
				fail("action needs a name")
			}
			action, err := vm.GetResourceAction(obj, os.Args[3])
			check(err)
			impacted, err := vm.ExecuteResourceAction(obj, action.ActionLua, nil)
			check(err)
			for _, r := range impacted {
				out = append(out, r.UnstructuredObj.Object)
			}
		default:
			fail("unknown command " + os.Args[2])
		}
	}
	check(json.NewEncoder(os.Stdout).Encode(out))
}

// overrides reads the customizations the way Argo CD's settings do: keys resource.customizations.<kind>.<group>_<Kind>.
func overrides(path string) map[string]appv1.ResourceOverride {
	raw, err := os.ReadFile(path)
	check(err)
	var cm corev1.ConfigMap
	check(yaml.Unmarshal(raw, &cm))
	result := map[string]appv1.ResourceOverride{}
	for key, value := range cm.Data {
		var name string
		switch {
		case strings.HasPrefix(key, healthPrefix):
			name = strings.TrimPrefix(key, healthPrefix)
		case strings.HasPrefix(key, actionsPrefix):
			name = strings.TrimPrefix(key, actionsPrefix)
		default:
			continue
		}
		group, kind, ok := strings.Cut(name, "_")
		if !ok {
			fail("a customization key without group_Kind: " + key)
		}
		gk := group + "/" + kind
		o := result[gk]
		if strings.HasPrefix(key, healthPrefix) {
			o.HealthLua = value
		} else {
			o.Actions = value
		}
		result[gk] = o
	}
	return result
}

func read() []*unstructured.Unstructured {
	raw, err := io.ReadAll(os.Stdin)
	check(err)
	var items []map[string]any
	// Kubernetes' own decoding: whole numbers as int64, as an API client reads them (kstatus insists).
	check(utiljson.Unmarshal(raw, &items))
	objects := make([]*unstructured.Unstructured, 0, len(items))
	for _, item := range items {
		objects = append(objects, &unstructured.Unstructured{Object: item})
	}
	return objects
}

func check(err error) {
	if err != nil {
		fail(err.Error())
	}
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "argocd-lua:", message)
	os.Exit(1)
}
