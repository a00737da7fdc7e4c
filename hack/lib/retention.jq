# The retention policy of an image repository (hack/retention, docs/supply-chain.md#retention), as a pure function.
# Input: the repository's manifests, [{digest, tags: [..], pushed: epoch seconds, children: [digests]}].
# $keep: how many sha-<commit> tags to keep (the most recently pushed); $max_age: seconds an untagged manifest
# stays; $now: epoch seconds. Output: {untag: [tags], delete: [digests]}.
#   - release tags (X.Y.Z and X.Y) and every other tag (a -SNAPSHOT version, ...) stay;
#   - sha-<commit> tags beyond the newest $keep are removed;
#   - a manifest with no tag left, that no tagged index lists, older than $max_age, is deleted;
#   - a cosign signature or attestation (sha256-<hex>.sig / .att) goes with its subject.
def build_tag: test("^sha-[0-9a-f]{7,40}(-dirty)?$");
def signature_tag: test("^sha256-[0-9a-f]{64}\\.(sig|att|sbom)$");
def subject: sub("^sha256-(?<hex>[0-9a-f]{64})\\..*$"; "sha256:\(.hex)");

. as $manifests
| ([$manifests[] | .pushed as $p | .tags[] | select(build_tag) | {tag: ., pushed: $p}]
   | sort_by(-.pushed, .tag) | .[$keep:] | map(.tag)) as $untag
| [$manifests[] | .tags -= $untag] as $after
| [$after[] | select((.tags | length) == 0 and ($now - .pushed) > $max_age) | .digest] as $candidates
| [$after[] | select(.digest | IN($candidates[]) | not) | .children[]] as $listed
| [$candidates[] | select(IN($listed[]) | not)] as $images
| [$after[] | select(any(.tags[]; signature_tag))
   | select(all(.tags[]; subject | IN($images[]) or (IN($manifests[].digest) | not))) | .digest] as $signatures
| {untag: $untag, delete: ($images + $signatures | unique)}
