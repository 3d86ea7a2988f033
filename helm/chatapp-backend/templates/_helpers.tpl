{{/* Chart name. */}}
{{- define "chatapp-backend.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name, unique per release. */}}
{{- define "chatapp-backend.fullname" -}}
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

{{- define "chatapp-backend.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "chatapp-backend.labels" -}}
helm.sh/chart: {{ include "chatapp-backend.chart" . }}
{{ include "chatapp-backend.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: chatapp
{{- end }}

{{- define "chatapp-backend.selectorLabels" -}}
app.kubernetes.io/name: {{ include "chatapp-backend.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "chatapp-backend.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "chatapp-backend.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The JWKS URL: as set, else Dex's <issuer>/keys. */}}
{{- define "chatapp-backend.jwksUrl" -}}
{{- default (printf "%s/keys" (trimSuffix "/" .Values.oidc.issuer)) .Values.oidc.jwksUrl }}
{{- end }}

{{/* Pod Security Standard "restricted", with a read-only root filesystem. */}}
{{- define "chatapp-backend.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
runAsUser: 1001
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}
