#!/usr/bin/env bash
# Runs the WebGPU test suite and the WebGPU benchmark on this machine's own GPU
# (Node + Dawn on Vulkan), printing the adapter and every result. Installs nothing:
# it needs node_modules as `pnpm install` left them, built dist/ folders
# (packages/{rng,core,backend-cpu,autograd,nn,antorcha,backend-webgpu}), a Vulkan
# loader (libvulkan.so.1) and the GPU vendor's Vulkan ICD (e.g. nvidia_icd.json).
#
#   bash tools/gpu-check.sh            # tests + benchmark
#   bash tools/gpu-check.sh --no-bench # tests only
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

echo "== machine"
command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || echo "(no nvidia-smi)"
node --version

# Vulkan loader: the system's, else the one Debian's chromium ships.
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; then
  for dir in /usr/lib/x86_64-linux-gnu /usr/local/lib /usr/lib/chromium; do
    if [ -e "$dir/libvulkan.so.1" ]; then export LD_LIBRARY_PATH="$dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; break; fi
  done
fi
# The GPU's ICD (not SwiftShader): the first vendor manifest found, unless VK_ICD_FILENAMES is set.
if [ -z "${VK_ICD_FILENAMES:-}" ]; then
  for f in /usr/share/vulkan/icd.d/nvidia_icd*.json /etc/vulkan/icd.d/nvidia_icd*.json /usr/share/vulkan/icd.d/*.json /etc/vulkan/icd.d/*.json; do
    if [ -e "$f" ] && ! grep -qi swiftshader "$f"; then export VK_ICD_FILENAMES="$f"; break; fi
  done
fi
echo "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"
echo "VK_ICD_FILENAMES=${VK_ICD_FILENAMES:-<loader default>}"
export ANTORCHA_WEBGPU_NATIVE=1 # keep the native driver in the test config

echo "== adapter"
(cd packages/backend-webgpu && node --input-type=module -e "
import { create } from 'webgpu';
const a = await create([]).requestAdapter({ powerPreference: 'high-performance' });
if (!a) { console.log('NO ADAPTER: Dawn found no Vulkan device (check libvulkan.so.1 and the ICD above)'); process.exit(2); }
const i = a.info;
console.log([i.vendor, i.architecture, i.device, i.description].join(' | '), i.isFallbackAdapter ? '(fallback/software!)' : '');
console.log('maxBufferSize', a.limits.maxBufferSize, 'maxStorageBufferBindingSize', a.limits.maxStorageBufferBindingSize, 'maxComputeWorkgroupStorageSize', a.limits.maxComputeWorkgroupStorageSize, 'maxComputeInvocationsPerWorkgroup', a.limits.maxComputeInvocationsPerWorkgroup);
") || { echo "gpu-check: no WebGPU adapter on this machine"; exit 2; }

status=0
echo "== WebGPU test suite (golden PyTorch ops, random inputs vs CPU, memory, devices, seed notebook)"
(cd packages/backend-webgpu && "$root/node_modules/.bin/vitest" run --reporter=default) || status=1

if [ "${1:-}" != "--no-bench" ]; then
  echo "== benchmark: Antorcha WebGPU vs tfjs-backend-webgpu (matmul 1024/2048/4096, MLP; % of the float32 peak)"
  # What `pnpm bench --webgpu` runs (root package.json: node bench/src/run.mjs --webgpu), called
  # directly so that no pnpm is needed.
  node bench/src/webgpu.mjs --sizes 1024,2048,4096 || status=1
fi
exit $status
