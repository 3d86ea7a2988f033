// Validates every object of every rendered manifest (YAML files in the given folder, written
// by HelmChartsTest) against the Kubernetes API schemas of kubernetes-models (and the Prometheus
// Operator's): wrong types,
// missing required fields and unknown kinds all fail. Exits non-zero on any failure.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'

const folder = process.argv[2] ?? '../../backend/target/helm-rendered'
const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'))
if (files.length === 0) {
  console.error(`no rendered manifests in ${folder}`)
  process.exit(1)
}

// The Prometheus Operator's kinds (ServiceMonitor, PrometheusRule) come from a package of their own.
const packages = { 'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1' }

async function modelFor(apiVersion, kind) {
  const path = packages[apiVersion] ?? `kubernetes-models/${apiVersion.includes('/') ? apiVersion : 'v1'}`
  const models = await import(path).catch(() => ({}))
  return models[kind]
}

let checked = 0
let failed = 0
for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(join(folder, file), 'utf8'))) {
    const object = document.toJS()
    if (!object) continue
    const name = `${file}: ${object.kind} ${object.metadata?.name}`
    const Model = await modelFor(object.apiVersion, object.kind)
    try {
      if (!Model) throw new Error(`unknown kind ${object.apiVersion}/${object.kind}`)
      new Model(object).validate()
      checked++
    } catch (failure) {
      failed++
      console.error(`FAIL  ${name}\n      ${failure.message.split('\n').join('\n      ')}`)
    }
  }
}
console.log(`${checked} objects valid, ${failed} invalid, in ${files.length} rendered manifests`)
process.exit(failed === 0 ? 0 : 1)
