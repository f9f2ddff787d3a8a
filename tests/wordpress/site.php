<?php
// The tests' hands inside the WordPress that tests/wordpress/wordpress.sh started, with
// no wp-cli: `php tests/wordpress/site.php CONFIG PORT ACTION [JSON]` loads WordPress
// as a request to that site would, does one thing, and prints the answer as JSON.
//
//   editor {"login": …, "password": …}     an Editor without unfiltered_html; their id
//   post {"as": login, "title": …, "content": …, "type": "page"|"post"}
//                                             a post written as that user (filtered as
//                                             their own would be); its id and address
//   locale {"login": …, "locale": "he_IL"}    a user's language
//   option {"name": …}                        an option's value
//   render {"attributes": {…}}                the shortcode's output for these attributes
//   check_bundle {"address": …}               what the settings would keep, or the error
//   uninstall {}                              runs the plugin's uninstall.php
//   network {}                                makes this site a network (before MULTISITE is set)
//   activate_network {}                       the plugin, activated for the whole network
//   sites {"count": N, "bundle": …}           N more sites of the network, each with the
//                                             plugin's option set: a few SQL statements each
//   site_admin {"login": …, "password": …, "site": id}
//                                             an administrator of one site, not of the network
//   set_bundle {"as": login, "site": id, "address": …}
//                                             the settings form's save (options.php) as that
//                                             user on that site: what the option then holds
//   bundles {}                                the plugin's option on every site, by site id
//   leads {}                                  the kept leads, newest first
//   age_lead {"id": …, "days": …}             a lead made that many days older
//   prune {}                                  the daily clean-up, now
//   forget_lead_limits {}                     this hour's lead counters (a visitor at
//                                             127.0.0.1, and the site's) back to none
//   export {"email": …} / erase {"email": …}  WordPress's personal-data exporter / eraser
//   set_option {"name": …, "value": …}        an option set as code would set it
//   leads_install {"site": id, "delete": bool} a site's leads table made, with its setting
//                                             to delete leads on uninstall
//   leads_tables {}                           the sites whose leads table exists

[$test_script, $test_config, $test_port, $test_action] = array_slice($argv, 0, 4) + [null, null, null, null];
$test_input = json_decode($argv[4] ?? '{}', true) ?? [];
$_SERVER['WORDPRESS_CONFIG'] = $test_config;
$_SERVER['HTTP_HOST'] = "localhost:$test_port";
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
// The settings form is saved in wp-admin (options.php): is_admin() is true there.
if ($test_action === 'set_bundle') {
    define('WP_ADMIN', true);
}
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

function leads_table_exists() {
    global $wpdb;
    $table = $wpdb->prefix . 'cvc_leads';
    return $wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', $table)) === $table;
}

function user_id($login) {
    $user = get_user_by('login', $login);
    if (!$user) {
        fwrite(STDERR, "no user $login\n");
        exit(1);
    }
    return $user->ID;
}

switch ($test_action) {
    case 'editor':
        $id = username_exists($test_input['login']) ?: wp_create_user($test_input['login'], $test_input['password'], $test_input['login'] . '@example.com');
        if (is_wp_error($id)) {
            fwrite(STDERR, $id->get_error_message() . "\n");
            exit(1);
        }
        $user = new WP_User($id);
        $user->set_role('editor');
        // A single site gives Editors unfiltered_html; a site run by an agency takes it
        // away (DISALLOW_UNFILTERED_HTML, or a role editor), as multisite does: then
        // WordPress strips scripts from their posts, which is why the shortcode exists.
        $user->add_cap('unfiltered_html', false);
        $answer = ['id' => $id, 'unfiltered_html' => user_can($id, 'unfiltered_html')];
        break;
    case 'post':
        wp_set_current_user(user_id($test_input['as']));
        // Filter the content as WordPress filters that user's own posts.
        kses_init();
        $id = wp_insert_post([
            'post_title' => $test_input['title'],
            'post_content' => $test_input['content'],
            'post_status' => 'publish',
            'post_type' => $test_input['type'] ?? 'page',
        ], true);
        if (is_wp_error($id)) {
            fwrite(STDERR, $id->get_error_message() . "\n");
            exit(1);
        }
        $answer = ['id' => $id, 'link' => get_permalink($id), 'content' => get_post_field('post_content', $id)];
        break;
    case 'locale':
        update_user_meta(user_id($test_input['login']), 'locale', $test_input['locale']);
        $answer = ['locale' => get_user_meta(user_id($test_input['login']), 'locale', true)];
        break;
    case 'option':
        $answer = ['value' => get_option($test_input['name'], null)];
        break;
    case 'render':
        $answer = ['html' => customer_value_calculator_render($test_input['attributes'])];
        break;
    case 'check_bundle':
        $kept = customer_value_calculator_check_bundle($test_input['address']);
        $answer = is_wp_error($kept) ? ['refused' => $kept->get_error_message()] : ['kept' => $kept];
        break;
    case 'uninstall':
        define('WP_UNINSTALL_PLUGIN', 'customer-value-calculator/customer-value-calculator.php');
        include WP_PLUGIN_DIR . '/customer-value-calculator/uninstall.php';
        global $wpdb;
        // Checked here: the next request would make the table again (the plugin is active).
        $answer = ['value' => get_option('customer_value_calculator_bundle', null), 'leads_table' => leads_table_exists()];
        break;
    case 'leads':
        global $wpdb;
        $answer = $wpdb->get_results("SELECT * FROM {$wpdb->prefix}cvc_leads ORDER BY id DESC", ARRAY_A);
        break;
    case 'age_lead':
        global $wpdb;
        $wpdb->update("{$wpdb->prefix}cvc_leads", ['created_at' => gmdate('Y-m-d H:i:s', time() - (int) $test_input['days'] * DAY_IN_SECONDS)], ['id' => (int) $test_input['id']]);
        $answer = ['aged' => (int) $test_input['id']];
        break;
    case 'forget_lead_limits':
        $_SERVER['REMOTE_ADDR'] = '127.0.0.1';
        [$visitor, $site] = customer_value_calculator_lead_counters();
        $answer = ['forgotten' => [delete_transient($visitor), delete_transient($site)]];
        break;
    case 'prune':
        $answer = ['deleted' => customer_value_calculator_prune_leads()];
        break;
    case 'export':
    case 'erase':
        $filter = $test_action === 'export' ? 'wp_privacy_personal_data_exporters' : 'wp_privacy_personal_data_erasers';
        $tools = apply_filters($filter, []);
        $answer = call_user_func($tools['customer-value-calculator']['callback'], $test_input['email'], 1);
        break;
    case 'set_option':
        update_option($test_input['name'], $test_input['value']);
        $answer = ['value' => get_option($test_input['name'], null)];
        break;
    case 'leads_install':
        switch_to_blog((int) $test_input['site']);
        delete_option('customer_value_calculator_leads_schema');
        customer_value_calculator_leads_install();
        update_option('customer_value_calculator_leads', ['enabled' => true, 'delete_on_uninstall' => (bool) $test_input['delete']]);
        $answer = ['table' => leads_table_exists()];
        restore_current_blog();
        break;
    case 'leads_tables':
        $answer = [];
        foreach (get_sites(['number' => 0, 'fields' => 'ids']) as $site) {
            switch_to_blog($site);
            if (leads_table_exists()) {
                $answer[] = $site;
            }
            restore_current_blog();
        }
        break;
    case 'network':
        require_once ABSPATH . 'wp-admin/includes/upgrade.php';
        // As wp-admin/network.php does: a single site's $wpdb does not name the network's
        // tables yet.
        global $wpdb;
        foreach ($wpdb->tables('ms_global') as $table => $prefixed_table) {
            $wpdb->$table = $prefixed_table;
        }
        install_network();
        $made = populate_network(1, "localhost:$test_port", 'admin@example.com', 'A consultant\'s network', '/', false);
        if (is_wp_error($made)) {
            fwrite(STDERR, $made->get_error_message() . "\n");
            exit(1);
        }
        $answer = ['network' => true];
        break;
    case 'activate_network':
        require_once ABSPATH . 'wp-admin/includes/plugin.php';
        $made = activate_plugin('customer-value-calculator/customer-value-calculator.php', '', true);
        $answer = ['active' => !is_wp_error($made) && is_plugin_active_for_network('customer-value-calculator/customer-value-calculator.php')];
        break;
    case 'sites':
        global $wpdb;
        $base = $wpdb->base_prefix;
        for ($i = 0; $i < (int) $test_input['count']; $i++) {
            $path = '/site' . ($i + 2) . '/';
            $wpdb->insert("{$base}blogs", ['site_id' => 1, 'domain' => "localhost:$test_port", 'path' => $path, 'registered' => current_time('mysql'), 'last_updated' => current_time('mysql'), 'public' => 0]);
            $id = (int) $wpdb->insert_id;
            $wpdb->query("CREATE TABLE {$base}{$id}_options LIKE {$base}options");
            $wpdb->query("INSERT INTO {$base}{$id}_options SELECT * FROM {$base}options WHERE option_name IN ('siteurl', 'home', 'blogname', '{$base}user_roles', 'customer_value_calculator_bundle')");
            $wpdb->update("{$base}{$id}_options", ['option_value' => "http://localhost:$test_port$path"], ['option_name' => 'home']);
            $wpdb->update("{$base}{$id}_options", ['option_value' => "http://localhost:$test_port$path"], ['option_name' => 'siteurl']);
            $wpdb->query($wpdb->prepare("UPDATE {$base}{$id}_options SET option_name = %s WHERE option_name = %s", "{$base}{$id}_user_roles", "{$base}user_roles"));
            if (!empty($test_input['bundle'])) {
                $wpdb->replace("{$base}{$id}_options", ['option_name' => 'customer_value_calculator_bundle', 'option_value' => $test_input['bundle'], 'autoload' => 'yes']);
            }
        }
        if (!empty($test_input['bundle'])) {
            update_option('customer_value_calculator_bundle', $test_input['bundle']);
        }
        $answer = ['sites' => count(get_sites(['number' => 0, 'fields' => 'ids']))];
        break;
    case 'site_admin':
        $id = username_exists($test_input['login']) ?: wpmu_create_user($test_input['login'], $test_input['password'], $test_input['login'] . '@example.com');
        add_user_to_blog((int) $test_input['site'], $id, 'administrator');
        switch_to_blog((int) $test_input['site']);
        $answer = ['id' => $id, 'manage_options' => user_can($id, 'manage_options'), 'unfiltered_html' => user_can($id, 'unfiltered_html'), 'super_admin' => is_super_admin($id)];
        restore_current_blog();
        break;
    case 'set_bundle':
        // As options.php has it: wp-admin's template functions (settings errors) and the
        // plugin's setting registered with its sanitize callback (admin_init).
        require_once ABSPATH . 'wp-admin/includes/template.php';
        switch_to_blog((int) $test_input['site']);
        wp_set_current_user(user_id($test_input['as']));
        customer_value_calculator_register_setting();
        update_option('customer_value_calculator_bundle', $test_input['address']);
        $answer = ['value' => get_option('customer_value_calculator_bundle', null), 'errors' => array_column(get_settings_errors('customer_value_calculator_bundle'), 'code')];
        restore_current_blog();
        break;
    case 'bundles':
        $answer = [];
        foreach (get_sites(['number' => 0, 'fields' => 'ids']) as $site) {
            switch_to_blog($site);
            $answer[$site] = get_option('customer_value_calculator_bundle', null);
            restore_current_blog();
        }
        break;
    default:
        fwrite(STDERR, "unknown action $test_action\n");
        exit(2);
}
echo json_encode($answer, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
