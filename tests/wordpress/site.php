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

[$test_script, $test_config, $test_port, $test_action] = array_slice($argv, 0, 4) + [null, null, null, null];
$test_input = json_decode($argv[4] ?? '{}', true) ?? [];
$_SERVER['WORDPRESS_CONFIG'] = $test_config;
$_SERVER['HTTP_HOST'] = "localhost:$test_port";
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

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
        $answer = ['value' => get_option('customer_value_calculator_bundle', null)];
        break;
    default:
        fwrite(STDERR, "unknown action $test_action\n");
        exit(2);
}
echo json_encode($answer, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
