{{/*
Chart name, or nameOverride. Used in object names and the app.kubernetes.io/name label.
*/}}
{{- define "astralytiq-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's objects: fullnameOverride, or <release>-<name> (just <release> when it already
contains the name). Truncated to 63 characters, the limit of a label value and of many object names.
*/}}
{{- define "astralytiq-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := include "astralytiq-operator.name" . }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "astralytiq-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of every object of the release but the CRDs.
*/}}
{{- define "astralytiq-operator.labels" -}}
{{ include "astralytiq-operator.releaseLabels" . }}
app.kubernetes.io/component: operator
{{- end }}

{{/*
Labels of the CRDs: the API, not a part of the operator's workload.
*/}}
{{- define "astralytiq-operator.crdLabels" -}}
{{ include "astralytiq-operator.releaseLabels" . }}
app.kubernetes.io/component: api
{{- end }}

{{- define "astralytiq-operator.releaseLabels" -}}
helm.sh/chart: {{ include "astralytiq-operator.chart" . }}
{{ include "astralytiq-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: astralytiq
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select the operator's pods: stable across upgrades (a Deployment's selector is immutable).
*/}}
{{- define "astralytiq-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "astralytiq-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The operator's ServiceAccount: the full name when the chart creates it, else serviceAccount.name or "default".
*/}}
{{- define "astralytiq-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "astralytiq-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The operator image: repository, then :tag (the appVersion unless image.tag is set), then @digest when set.
*/}}
{{- define "astralytiq-operator.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if .Values.image.digest }}
{{- printf "%s:%s@%s" .Values.image.repository $tag .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}
{{- end }}

{{/*
The dashboard-runtime image of Dashboards that name none: operator.runtimeImage, or the runtime released with
this operator.
*/}}
{{- define "astralytiq-operator.runtimeImage" -}}
{{- default (printf "ghcr.io/astralytiq/dashboard-runtime:%s" .Chart.AppVersion) .Values.operator.runtimeImage }}
{{- end }}

{{/*
"true" when the operator elects a leader: asked for, or more than one replica (two reconciling at once would
fight over every object).
*/}}
{{- define "astralytiq-operator.leaderElection" -}}
{{- if or .Values.leaderElection.enabled (gt (int .Values.replicaCount) 1) }}true{{- end }}
{{- end }}

{{/* A map as "key=value,key=value", sorted by key (MONITORING_LABELS). */}}
{{- define "astralytiq-operator.keyValues" -}}
{{- $pairs := list -}}
{{- range $key, $value := . -}}
{{- $pairs = append $pairs (printf "%s=%s" $key $value) -}}
{{- end -}}
{{- join "," $pairs -}}
{{- end -}}
