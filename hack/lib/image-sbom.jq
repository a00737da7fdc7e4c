# The CycloneDX SBOM of one of our images (hack/images sbom): the CycloneDX Maven plugin's SBOM of its module (the
# Java classpath Jib puts in the image) as input, with the image itself as the subject, the module as its first
# component, and the base image, its Debian release (an operating-system component, which scanners such as Trivy
# match Debian's advisories by) and its packages (from the package list inside the base image) added.
#   $image, $digest, $repository, $version: the image index;   $base, $base_digest: its base image index
#   $distro: e.g. debian-12;   $debs: [{name, version, arch}] of every platform
def oci_purl($name; $digest; $repository):
  "pkg:oci/\($name)@\($digest | @uri)?repository_url=\($repository | @uri)";
def deb_purl: "pkg:deb/debian/\(.name)@\(.version | @uri)?arch=\(.arch)&distro=\($distro)";

.metadata.component as $maven_module
| oci_purl($image; $digest; $repository) as $self
| ($base | sub(":[^:/]+$"; "")) as $base_repository
| oci_purl($base_repository | sub(".*/"; ""); $base_digest; $base_repository) as $base_ref
| ($debs | unique_by(deb_purl) | map({type: "library", "bom-ref": deb_purl, name, version, purl: deb_purl,
    properties: [{name: "astralytiq:debian:architecture", value: .arch}]})) as $packages
| .metadata.component = {type: "container", "bom-ref": $self, name: $image, version: $version, purl: $self}
| .components = [$maven_module] + (.components // [])
    + [{type: "container", "bom-ref": $base_ref, name: ($base_repository | sub(".*/"; "")),
        version: ($base | sub(".*:"; "")), purl: $base_ref,
        description: "The base image (hack/build-base-image): Debian packages, unpacked"}]
    + [{type: "operating-system", "bom-ref": "os:\($distro)", name: ($distro | sub("-.*"; "")),
        version: ($distro | sub("^[^-]*-"; ""))}]
    + $packages
| .dependencies = (.dependencies // [])
    + [{ref: $self, dependsOn: [$maven_module["bom-ref"], $base_ref]},
       {ref: $base_ref, dependsOn: ($packages | map(.["bom-ref"]))}]
