{{/* Chart name. */}}
{{- define "chatapp-frontend.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name, unique per release. */}}
{{- define "chatapp-frontend.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "chatapp-frontend.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "chatapp-frontend.labels" -}}
helm.sh/chart: {{ include "chatapp-frontend.chart" . }}
{{ include "chatapp-frontend.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: chatapp
{{- end }}

{{- define "chatapp-frontend.selectorLabels" -}}
app.kubernetes.io/name: {{ include "chatapp-frontend.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "chatapp-frontend.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "chatapp-frontend.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Pod Security Standard "restricted", with a read-only root filesystem (nginx-unprivileged runs as 101). */}}
{{- define "chatapp-frontend.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
runAsUser: 101
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* scheme://host[:port] of a URL. */}}
{{- define "chatapp-frontend.origin" -}}
{{- $url := urlParse . }}
{{- printf "%s://%s" $url.scheme $url.host }}
{{- end }}
