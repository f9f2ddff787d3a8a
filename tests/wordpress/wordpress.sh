#!/usr/bin/env bash
# A real WordPress for the plugin's end-to-end tests, from Debian 12's own packages
# (wordpress 6.1, mariadb-server, php-cli, php-mysql), kept whole in one folder:
#
#   tests/wordpress/wordpress.sh start DIR PORT   database, site at http://localhost:PORT/, installed
#   tests/wordpress/wordpress.sh network DIR PORT turns the started site into a network
#   tests/wordpress/wordpress.sh stop DIR         stops both and removes the site's config
#
# The database is a private MariaDB on a socket in DIR (no network port, nothing shared
# with a system database). Debian's wp-config.php reads /etc/wordpress/config-NAME.php
# when $_SERVER['WORDPRESS_CONFIG'] is NAME (set by DIR/prepend.php, which PHP runs
# before every script, and by the tests' own PHP scripts); that file points WordPress at
# the database and at DIR/wp-content, where plugins are installed. PHP's own server serves
# it with several workers (with one, admin pages stall), logging PHP's errors to
# DIR/php-errors.log, which the tests read.
set -euo pipefail
command=${1:?start or stop}
dir=${2:?a folder for the site}
name=cvc-e2e-$(basename "$dir" | tr -c 'a-zA-Z0-9-\n' '-')
config=/etc/wordpress/config-$name.php

say() { printf '[wordpress] %s\n' "$*" >&2; }

stop() {
  for pidfile in "$dir/php.pid" "$dir/mysqld.pid"; do
    if [ -f "$pidfile" ]; then
      # Each was started in a session of its own: its whole group goes (PHP's server
      # forks its workers), and is waited for, so its folder can be removed.
      pid=$(cat "$pidfile")
      kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do
        kill -0 -- "-$pid" 2>/dev/null || break
        sleep 0.1
      done
      rm -f "$pidfile"
    fi
  done
  rm -f "$config"
}

if [ "$command" = stop ]; then
  stop
  exit 0
fi
if [ "$command" = network ]; then
  # A network of sites in folders (site2/, site3/, …), as Tools → Network Setup makes it:
  # its tables, then the constants that switch it on.
  port=${3:?a port}
  php "$(dirname "$0")/site.php" "$name" "$port" network >/dev/null
  cat >> "$config" <<PHP
define('MULTISITE', true);
define('SUBDOMAIN_INSTALL', false);
define('DOMAIN_CURRENT_SITE', 'localhost:$port');
define('PATH_CURRENT_SITE', '/');
define('SITE_ID_CURRENT_SITE', 1);
define('BLOG_ID_CURRENT_SITE', 1);
PHP
  echo "$name"
  exit 0
fi
port=${3:?a port}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# The database runs as the mysql user, which must reach its folder inside this one.
chmod 755 "$dir"
trap 'say "failed; stopping"; stop' ERR

# --- The database ---------------------------------------------------------------------
mkdir -p "$dir/db"
chown -R mysql:mysql "$dir/db"
mariadb-install-db --user=mysql --datadir="$dir/db" --auth-root-authentication-method=socket \
  --skip-test-db >"$dir/mysql-install.log" 2>&1
socket=$dir/db/mysqld.sock
setsid mariadbd --user=mysql --datadir="$dir/db" --socket="$socket" --skip-networking \
  --pid-file="$dir/db/mariadb.pid" --log-error="$dir/db/mysqld.log" >>"$dir/mysql-install.log" 2>&1 &
echo $! > "$dir/mysqld.pid"
for _ in $(seq 1 100); do
  mariadb-admin --socket="$socket" ping >/dev/null 2>&1 && break
  sleep 0.2
done
mariadb-admin --socket="$socket" ping >/dev/null
mariadb --socket="$socket" -e "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost'"

# --- The site -------------------------------------------------------------------------
cp -R /var/lib/wordpress/wp-content "$dir/wp-content"
mkdir -p "$dir/wp-content/upgrade" "$dir/wp-content/uploads" "$dir/wp-content/mu-plugins"
# This machine has no internet, and WordPress asks wordpress.org for updates and
# translations as it goes; a refused connection would fill the log with warnings a real
# site never writes. So the site is told, at once, that wordpress.org has nothing new.
cat > "$dir/wp-content/mu-plugins/offline.php" <<'PHP'
<?php
// Written by tests/wordpress/wordpress.sh: wordpress.org answers "nothing new" here.
add_filter('pre_http_request', function ($answer, $args, $url) {
    $host = (string) parse_url($url, PHP_URL_HOST);
    if ($host === 'wordpress.org' || substr($host, -14) === '.wordpress.org') {
        return array('headers' => array(), 'body' => '', 'response' => array('code' => 503, 'message' => 'Offline test site'), 'cookies' => array(), 'filename' => null);
    }
    return $answer;
}, 10, 3);
PHP
mkdir -p /etc/wordpress
cat > "$config" <<PHP
<?php
// Written by tests/wordpress/wordpress.sh for one test run; removed by its stop.
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$socket');
\$table_prefix = 'wp_';
define('WP_CONTENT_DIR', '$dir/wp-content');
define('WP_CONTENT_URL', 'http://localhost:$port/wp-content');
define('WP_HOME', 'http://localhost:$port');
define('WP_SITEURL', 'http://localhost:$port');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '$dir/php-errors.log');
PHP
# wp-content is served by PHP's server from the site's own folder: a router sends those
# requests there, and everything else to WordPress.
cat > "$dir/router.php" <<'PHP'
<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (strpos($path, '/wp-content/') === 0) {
    $file = realpath(WP_TEST_CONTENT . substr($path, strlen('/wp-content')));
    if ($file && strpos($file, WP_TEST_CONTENT) === 0 && is_file($file)) {
        if (substr($file, -4) === '.php') {
            return false;
        }
        $types = ['js' => 'text/javascript', 'css' => 'text/css', 'json' => 'application/json', 'png' => 'image/png', 'svg' => 'image/svg+xml'];
        $extension = pathinfo($file, PATHINFO_EXTENSION);
        header('Content-Type: ' . ($types[$extension] ?? 'application/octet-stream'));
        readfile($file);
        return true;
    }
}
return false;
PHP
sed -i "1a define('WP_TEST_CONTENT', '$dir/wp-content');" "$dir/router.php"
: > "$dir/php-errors.log"
printf '<?php\n$_SERVER["WORDPRESS_CONFIG"] = "%s";\n' "$name" > "$dir/prepend.php"
PHP_CLI_SERVER_WORKERS=4 setsid php -d auto_prepend_file="$dir/prepend.php" -d log_errors=1 -d error_log="$dir/php-errors.log" \
  -d display_errors=0 -S "localhost:$port" -t /usr/share/wordpress "$dir/router.php" \
  >"$dir/php-server.log" 2>&1 &
echo $! > "$dir/php.pid"
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://localhost:$port/wp-login.php" && break
  sleep 0.2
done

# --- Installed with one request -------------------------------------------------------
curl -s -X POST "http://localhost:$port/wp-admin/install.php?step=2" \
  --data-urlencode "weblog_title=A consultant's site" --data-urlencode user_name=admin \
  --data-urlencode admin_password=admin-password-1 --data-urlencode admin_password2=admin-password-1 \
  --data-urlencode pw_weak=on --data-urlencode admin_email=admin@example.com \
  --data-urlencode blog_public=0 --data-urlencode language= >"$dir/install.html"
grep -q "Success" "$dir/install.html" || { say "WordPress did not install: see $dir/install.html"; exit 1; }
# WordPress 6.1's installer warns of two undefined variables under PHP 8.2: its own, and
# before the tests start. The log the tests read begins here.
mv "$dir/php-errors.log" "$dir/php-errors-install.log"
: > "$dir/php-errors.log"
echo "$name"
