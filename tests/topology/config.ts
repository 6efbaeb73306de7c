// The region topology's configuration files (docs/operations.md «Topology» quotes them): nginx in front of the app
// instances, PgBouncer in transaction mode in front of the primary. Generated for the throwaway run of
// tests/topology/serve.ts — same directives as production, with loopback ports and a temporary directory.

export const TOPOLOGY = {
  httpPort: Number(process.env.TOPOLOGY_PORT ?? 3170),
  pgPort: Number(process.env.TOPOLOGY_PG_PORT ?? 55432),
};

export const ports = {
  nginx: TOPOLOGY.httpPort,
  instances: [TOPOLOGY.httpPort + 1, TOPOLOGY.httpPort + 2] as [number, number],
  control: TOPOLOGY.httpPort + 3,
  primary: TOPOLOGY.pgPort,
  replica: TOPOLOGY.pgPort + 1,
  bouncer: TOPOLOGY.pgPort + 2,
};

export const DATABASE = "nastavnik";

/** nginx: round robin over the instances, the client's address appended to X-Forwarded-For, nginx's request id passed on. */
export function nginxConf(dir: string, listen: number, instances: number[]): string {
  return `# nginx in front of the app instances (docs/operations.md «Topology»)
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '$remote_addr "$request" $status $upstream_addr $request_time';
  access_log ${dir}/nginx-access.log upstream;
  client_body_temp_path ${dir}/nginx-tmp/body;
  proxy_temp_path ${dir}/nginx-tmp/proxy;
  fastcgi_temp_path ${dir}/nginx-tmp/fastcgi;
  uwsgi_temp_path ${dir}/nginx-tmp/uwsgi;
  scgi_temp_path ${dir}/nginx-tmp/scgi;
  # Uploads (acts, consent scans, materials, import files) are limited by the app itself; nginx lets them through.
  client_max_body_size 30m;

  upstream nastavnik {
${instances.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`).join("\n")}
    keepalive 32;
  }

  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://nastavnik;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      # A page or a report may take a while on a large region; a refused connection moves to the other instance.
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout;
    }
  }
}
`;
}

/** PgBouncer in transaction mode: one pool per database/user, the app's connections multiplexed over it. */
export function pgbouncerIni(dir: string, listen: number, primaryPort: number, extra: string[] = []): string {
  return `; PgBouncer in front of the primary (docs/operations.md «Topology»)
[databases]
${DATABASE} = host=127.0.0.1 port=${primaryPort} dbname=${DATABASE}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${listen}
unix_socket_dir = ${dir}
pidfile = ${dir}/pgbouncer.pid
logfile = ${dir}/pgbouncer.log
auth_type = trust
auth_file = ${dir}/userlist.txt
admin_users = postgres
pool_mode = transaction
; Each app instance keeps up to 10 client connections (its pool); PgBouncer multiplexes them over fewer server ones.
max_client_conn = 500
default_pool_size = 20
; After a switch of the primary, try the new server at once rather than 15 s later.
server_login_retry = 1
; node-postgres may send these at connect; PgBouncer does not track them per transaction.
ignore_startup_parameters = extra_float_digits,options
${extra.join("\n")}
`;
}
