# A Docker image manifest (schema 2) as an OCI image manifest with the annotations $a (hack/images publish). The
# config and layer blobs stay as they are: Docker's image config and gzip layers are what OCI's media types describe.
def oci_type:
  {"application/vnd.docker.container.image.v1+json": "application/vnd.oci.image.config.v1+json",
   "application/vnd.docker.image.rootfs.diff.tar.gzip": "application/vnd.oci.image.layer.v1.tar+gzip",
   "application/vnd.oci.image.config.v1+json": "application/vnd.oci.image.config.v1+json",
   "application/vnd.oci.image.layer.v1.tar+gzip": "application/vnd.oci.image.layer.v1.tar+gzip"}[.]
  // error("no OCI media type for \(.)");

if .schemaVersion != 2 then error("not a schema 2 manifest") else . end
| {schemaVersion: 2,
   mediaType: "application/vnd.oci.image.manifest.v1+json",
   config: (.config | .mediaType |= oci_type),
   layers: [.layers[] | .mediaType |= oci_type],
   annotations: $a}
