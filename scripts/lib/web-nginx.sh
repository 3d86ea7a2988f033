# Sourced by scripts/test_frontend.sh: the web app image's nginx, without the image. Debian's
# nginx (installed here if missing) runs the shipped server block, frontend/nginx/default.conf,
# with only its listen port, its root and the /etc/chatapp directory moved, and the shipped
# /etc/chatapp files beside it, on a loopback port. Stopped by process id when the script exits.
#
# usage: web_nginx_start DIST  -> sets WEB_NGINX_URL; needs test_stack_cleanups (test-stack.sh)
#        and debian_install (debian.sh)

web_nginx_start() {
  local dist=$1 port dir
  debian_install nginx nginx
  port=${TEST_NGINX_PORT:-$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })")}
  dir=$(mktemp -d)
  # Run as root, nginx reads the files as its workers' user.
  chmod 755 "$dir"
  test_stack_cleanups+=("rm -rf $dir")
  mkdir "$dir/chatapp"
  cp "$repo/frontend/nginx/config.js" "$repo/frontend/nginx/security-headers.conf" "$dir/chatapp/"
  sed -e "s|^  listen 8080;|  listen 127.0.0.1:$port;|" -e "s|^  root /usr/share/nginx/html;|  root $dist;|" \
    -e "s|/etc/chatapp/|$dir/chatapp/|g" "$repo/frontend/nginx/default.conf" > "$dir/server.conf"
  if ! grep -q "listen 127.0.0.1:$port;" "$dir/server.conf" || ! grep -q "root $dist;" "$dir/server.conf"; then
    echo "[web-nginx] frontend/nginx/default.conf no longer has 'listen 8080;' and the image's root" >&2
    return 1
  fi
  # What the image's own nginx.conf provides around the server block, with paths of our own.
  cat > "$dir/nginx.conf" <<EOF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path $dir/client_body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  include $dir/server.conf;
}
EOF
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
  local pid=$!
  test_stack_cleanups+=("kill $pid")
  WEB_NGINX_URL=http://127.0.0.1:$port
  local i
  for ((i = 0; i < 50; i++)); do
    curl -sf -o /dev/null "$WEB_NGINX_URL/healthz" && { echo "[web-nginx] $WEB_NGINX_URL (pid $pid)"; return 0; }
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.2
  done
  echo "[web-nginx] nginx did not answer on $WEB_NGINX_URL" >&2
  cat "$dir/error.log" >&2 || true
  return 1
}
