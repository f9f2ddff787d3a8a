<?php
/**
 * The Leads screen in wp-admin, for those who manage options only: a list table (search,
 * sort, paging, bulk delete), one lead's page (its contact, figures, consent record,
 * attribution and a link that opens its scenario in the calculator), a CSV export that
 * opens right in Excel in Hebrew and cannot run a formula, and a "Send a test email"
 * button that shows whether this site's mail works at all. Leads whose email failed are
 * counted at the top of the screen: they are kept, never lost with the email.
 *
 * Everything a visitor sent is printed escaped, as text.
 *
 * @package CustomerValueCalculator
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The Leads screen's slug. */
const CUSTOMER_VALUE_CALCULATOR_LEADS_PAGE = 'customer-value-calculator-leads';

/** The admin-post actions of the export and the test email. */
const CUSTOMER_VALUE_CALCULATOR_EXPORT_ACTION = 'customer_value_calculator_export_leads';
const CUSTOMER_VALUE_CALCULATOR_TEST_MAIL_ACTION = 'customer_value_calculator_test_mail';

/** Leads per page of the list. */
const CUSTOMER_VALUE_CALCULATOR_LEADS_PER_PAGE = 20;

/**
 * Adds the Leads screen to the admin menu (admin_menu).
 */
function customer_value_calculator_add_leads_page() {
	add_menu_page(
		__( 'Calculator leads', 'customer-value-calculator' ),
		__( 'Calculator leads', 'customer-value-calculator' ),
		'manage_options',
		CUSTOMER_VALUE_CALCULATOR_LEADS_PAGE,
		'customer_value_calculator_leads_page',
		'dashicons-groups',
		26
	);
}
add_action( 'admin_menu', 'customer_value_calculator_add_leads_page' );

/**
 * A figure as the admin shows it: the number in the site's locale, with its currency.
 *
 * @param mixed  $value    The figure, or null.
 * @param string $currency The ISO code.
 * @return string
 */
function customer_value_calculator_money( $value, $currency ) {
	if ( null === $value || '' === $value || ! is_numeric( $value ) ) {
		return '—';
	}
	return trim( number_format_i18n( (float) $value, 0 ) . ' ' . $currency );
}

/**
 * A kept lead by id, or null.
 *
 * @param int $id The lead's id.
 * @return array|null
 */
function customer_value_calculator_lead( $id ) {
	global $wpdb;
	$table = customer_value_calculator_leads_table();
	$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM $table WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	return is_array( $row ) ? $row : null;
}

/**
 * Deletes leads by id.
 *
 * @param int[] $ids The leads.
 * @return int How many were deleted.
 */
function customer_value_calculator_delete_leads( array $ids ) {
	global $wpdb;
	$ids = array_values( array_filter( array_map( 'absint', $ids ) ) );
	if ( array() === $ids ) {
		return 0;
	}
	$table        = customer_value_calculator_leads_table();
	$placeholders = implode( ',', array_fill( 0, count( $ids ), '%d' ) );
	return (int) $wpdb->query( $wpdb->prepare( "DELETE FROM $table WHERE id IN ($placeholders)", $ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL
}

if ( is_admin() ) {
	if ( ! class_exists( 'WP_List_Table' ) ) {
		require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';
	}

	/**
	 * The list of leads.
	 */
	class Customer_Value_Calculator_Leads_Table extends WP_List_Table {

		/**
		 * The list, of leads.
		 */
		public function __construct() {
			parent::__construct(
				array(
					'singular' => 'lead',
					'plural'   => 'leads',
					'ajax'     => false,
				)
			);
		}

		/**
		 * The columns.
		 *
		 * @return array<string,string>
		 */
		public function get_columns() {
			return array(
				'cb'          => '<input type="checkbox" />',
				'name'        => __( 'Name', 'customer-value-calculator' ),
				'contact'     => __( 'Email or phone', 'customer-value-calculator' ),
				'yearly_cost' => __( 'Yearly cost of poor service', 'customer-value-calculator' ),
				'npv_gain'    => __( 'Net gain from investing', 'customer-value-calculator' ),
				'variant'     => __( 'Variant', 'customer-value-calculator' ),
				'created_at'  => __( 'Received', 'customer-value-calculator' ),
				'mail_status' => __( 'Email to you', 'customer-value-calculator' ),
			);
		}

		/**
		 * The columns that sort, by their database column.
		 *
		 * @return array<string,array>
		 */
		protected function get_sortable_columns() {
			return array(
				'name'        => array( 'name', false ),
				'yearly_cost' => array( 'yearly_cost', false ),
				'npv_gain'    => array( 'npv_gain', false ),
				'created_at'  => array( 'created_at', true ),
			);
		}

		/**
		 * The bulk actions.
		 *
		 * @return array<string,string>
		 */
		protected function get_bulk_actions() {
			return array( 'delete' => __( 'Delete', 'customer-value-calculator' ) );
		}

		/**
		 * The row's checkbox.
		 *
		 * @param array $item The lead.
		 * @return string
		 */
		protected function column_cb( $item ) {
			return sprintf( '<input type="checkbox" name="lead[]" value="%d" />', (int) $item['id'] );
		}

		/**
		 * The name, linked to the lead's page, with its row actions.
		 *
		 * @param array $item The lead.
		 * @return string
		 */
		protected function column_name( $item ) {
			$view   = add_query_arg(
				array(
					'page' => CUSTOMER_VALUE_CALCULATOR_LEADS_PAGE,
					'lead' => (int) $item['id'],
				),
				admin_url( 'admin.php' )
			);
			$delete = wp_nonce_url(
				add_query_arg(
					array(
						'page'   => CUSTOMER_VALUE_CALCULATOR_LEADS_PAGE,
						'action' => 'delete',
						'lead'   => (int) $item['id'],
					),
					admin_url( 'admin.php' )
				),
				'bulk-leads'
			);
			$actions = array(
				'view'   => '<a href="' . esc_url( $view ) . '">' . esc_html__( 'View', 'customer-value-calculator' ) . '</a>',
				'delete' => '<a href="' . esc_url( $delete ) . '">' . esc_html__( 'Delete', 'customer-value-calculator' ) . '</a>',
			);
			return '<strong><a href="' . esc_url( $view ) . '"><bdi>' . esc_html( $item['name'] ) . '</bdi></a></strong>' . $this->row_actions( $actions );
		}

		/**
		 * Every other column, escaped.
		 *
		 * @param array  $item   The lead.
		 * @param string $column The column.
		 * @return string
		 */
		protected function column_default( $item, $column ) {
			switch ( $column ) {
				case 'contact':
					return '<bdi dir="ltr">' . esc_html( '' !== $item['email'] ? $item['email'] : $item['phone'] ) . '</bdi>';
				case 'yearly_cost':
				case 'npv_gain':
					return '<bdi dir="ltr">' . esc_html( customer_value_calculator_money( $item[ $column ], $item['currency'] ) ) . '</bdi>';
				case 'variant':
					return '<bdi>' . esc_html( $item['variant'] ) . '</bdi>';
				case 'created_at':
					return esc_html( get_date_from_gmt( $item['created_at'], get_option( 'date_format' ) . ' ' . get_option( 'time_format' ) ) );
				case 'mail_status':
					return esc_html( customer_value_calculator_mail_status( $item['mail_status'] ) );
			}
			return '';
		}

		/**
		 * What shows when there are no leads.
		 */
		public function no_items() {
			esc_html_e( 'No leads yet. They arrive here when a visitor sends the form under the calculator’s answers.', 'customer-value-calculator' );
		}

		/**
		 * Reads the page of leads the request asks for: searched, sorted, paged.
		 */
		public function prepare_items() {
			global $wpdb;
			$table    = customer_value_calculator_leads_table();
			$sortable = $this->get_sortable_columns();
			// phpcs:disable WordPress.Security.NonceVerification.Recommended -- reading the list's own view.
			$orderby = isset( $_GET['orderby'] ) ? sanitize_key( wp_unslash( $_GET['orderby'] ) ) : 'created_at';
			$orderby = isset( $sortable[ $orderby ] ) ? $sortable[ $orderby ][0] : 'created_at';
			$order   = isset( $_GET['order'] ) && 'asc' === strtolower( sanitize_key( wp_unslash( $_GET['order'] ) ) ) ? 'ASC' : 'DESC';
			$search  = isset( $_GET['s'] ) ? sanitize_text_field( wp_unslash( $_GET['s'] ) ) : '';
			// phpcs:enable WordPress.Security.NonceVerification.Recommended
			$where = '';
			$args  = array();
			if ( '' !== $search ) {
				$like  = '%' . $wpdb->esc_like( $search ) . '%';
				$where = 'WHERE name LIKE %s OR email LIKE %s OR phone LIKE %s OR message LIKE %s OR variant LIKE %s';
				$args  = array( $like, $like, $like, $like, $like );
			}
			$page   = $this->get_pagenum();
			$offset = ( $page - 1 ) * CUSTOMER_VALUE_CALCULATOR_LEADS_PER_PAGE;
			$count  = "SELECT COUNT(*) FROM $table $where";
			$select = "SELECT id, created_at, name, email, phone, currency, yearly_cost, npv_gain, variant, mail_status FROM $table $where ORDER BY $orderby $order, id $order LIMIT %d OFFSET %d";
			// phpcs:disable WordPress.DB.PreparedSQL -- the table, the column and the order are from the lists above.
			$total       = (int) ( $args ? $wpdb->get_var( $wpdb->prepare( $count, $args ) ) : $wpdb->get_var( $count ) );
			$this->items = $wpdb->get_results( $wpdb->prepare( $select, array_merge( $args, array( CUSTOMER_VALUE_CALCULATOR_LEADS_PER_PAGE, $offset ) ) ), ARRAY_A );
			// phpcs:enable WordPress.DB.PreparedSQL
			$this->_column_headers = array( $this->get_columns(), array(), $sortable );
			$this->set_pagination_args(
				array(
					'total_items' => $total,
					'per_page'    => CUSTOMER_VALUE_CALCULATOR_LEADS_PER_PAGE,
					'total_pages' => (int) ceil( $total / CUSTOMER_VALUE_CALCULATOR_LEADS_PER_PAGE ),
				)
			);
		}
	}
}

/**
 * What a lead's email status means, in words.
 *
 * @param string $status pending, sent or failed.
 * @return string
 */
function customer_value_calculator_mail_status( $status ) {
	switch ( $status ) {
		case 'sent':
			return __( 'Sent', 'customer-value-calculator' );
		case 'failed':
			return __( 'Failed: the lead is kept here', 'customer-value-calculator' );
	}
	return __( 'Not sent yet', 'customer-value-calculator' );
}

/**
 * Deletes what the list's bulk action or a row's Delete asked for, before the screen is
 * drawn (load-{page}).
 */
function customer_value_calculator_leads_actions() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	// phpcs:disable WordPress.Security.NonceVerification.Recommended -- checked below, for a delete.
	$action = isset( $_REQUEST['action'] ) ? sanitize_key( wp_unslash( $_REQUEST['action'] ) ) : '';
	if ( 'delete' !== $action && isset( $_REQUEST['action2'] ) ) {
		$action = sanitize_key( wp_unslash( $_REQUEST['action2'] ) );
	}
	if ( 'delete' !== $action ) {
		return;
	}
	check_admin_referer( 'bulk-leads' );
	$ids = isset( $_REQUEST['lead'] ) ? (array) wp_unslash( $_REQUEST['lead'] ) : array();
	// phpcs:enable WordPress.Security.NonceVerification.Recommended
	$deleted = customer_value_calculator_delete_leads( $ids );
	wp_safe_redirect(
		add_query_arg(
			array(
				'page'    => CUSTOMER_VALUE_CALCULATOR_LEADS_PAGE,
				'deleted' => $deleted,
			),
			admin_url( 'admin.php' )
		)
	);
	exit;
}
add_action( 'load-toplevel_page_' . CUSTOMER_VALUE_CALCULATOR_LEADS_PAGE, 'customer_value_calculator_leads_actions' );

/**
 * The Leads screen: one lead's page when asked, the list otherwise.
 */
function customer_value_calculator_leads_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to see the calculator’s leads.', 'customer-value-calculator' ), 403 );
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a view, not a change.
	$id = isset( $_GET['lead'] ) ? absint( $_GET['lead'] ) : 0;
	if ( $id > 0 ) {
		customer_value_calculator_lead_page( $id );
		return;
	}
	$table = new Customer_Value_Calculator_Leads_Table();
	$table->prepare_items();
	$settings = customer_value_calculator_leads_settings();
	global $wpdb;
	$leads_table = customer_value_calculator_leads_table();
	$failed      = (int) $wpdb->get_var( "SELECT COUNT(*) FROM $leads_table WHERE mail_status = 'failed'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$export      = wp_nonce_url( admin_url( 'admin-post.php?action=' . CUSTOMER_VALUE_CALCULATOR_EXPORT_ACTION ), CUSTOMER_VALUE_CALCULATOR_EXPORT_ACTION );
	?>
	<div class="wrap">
		<h1 class="wp-heading-inline"><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<a class="page-title-action" id="cvc-export-leads" href="<?php echo esc_url( $export ); ?>"><?php esc_html_e( 'Download as CSV (opens in Excel)', 'customer-value-calculator' ); ?></a>
		<hr class="wp-header-end">
		<?php
		customer_value_calculator_leads_notices( $failed, $settings );
		if ( ! $settings['enabled'] ) {
			echo '<div class="notice notice-info"><p>' . esc_html__( 'Lead capture is off: switch it on under Settings → Customer Value Calculator, then add lead="1" to the shortcode (or switch it on in the block).', 'customer-value-calculator' ) . '</p></div>';
		}
		?>
		<form method="get">
			<input type="hidden" name="page" value="<?php echo esc_attr( CUSTOMER_VALUE_CALCULATOR_LEADS_PAGE ); ?>" />
			<?php
			$table->search_box( __( 'Search leads', 'customer-value-calculator' ), 'cvc-leads' );
			$table->display();
			?>
		</form>
		<h2><?php esc_html_e( 'Does this site’s email work?', 'customer-value-calculator' ); ?></h2>
		<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
			<input type="hidden" name="action" value="<?php echo esc_attr( CUSTOMER_VALUE_CALCULATOR_TEST_MAIL_ACTION ); ?>" />
			<?php wp_nonce_field( CUSTOMER_VALUE_CALCULATOR_TEST_MAIL_ACTION ); ?>
			<p>
				<?php
				printf(
					/* translators: %s: the address leads are emailed to. */
					esc_html__( 'Each lead is emailed to %s after it is kept here. Send a test email to see whether this site can send email at all.', 'customer-value-calculator' ),
					'<bdi dir="ltr">' . esc_html( $settings['notify'] ) . '</bdi>'
				);
				?>
			</p>
			<?php submit_button( __( 'Send a test email', 'customer-value-calculator' ), 'secondary', 'cvc-test-mail', false ); ?>
		</form>
	</div>
	<?php
}

/**
 * The notices at the top of the list: what was deleted, how the test email went, and how
 * many leads could not be emailed.
 *
 * @param int   $failed   Leads whose email failed.
 * @param array $settings The leads' settings.
 */
function customer_value_calculator_leads_notices( $failed, array $settings ) {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a count to show.
	if ( isset( $_GET['deleted'] ) ) {
		$deleted = absint( $_GET['deleted'] ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		/* translators: %d: how many leads were deleted. */
		echo '<div class="notice notice-success is-dismissible"><p>' . esc_html( sprintf( _n( '%d lead deleted.', '%d leads deleted.', $deleted, 'customer-value-calculator' ), $deleted ) ) . '</p></div>';
	}
	$key  = 'cvc_test_mail_' . get_current_user_id();
	$test = get_transient( $key );
	if ( is_array( $test ) ) {
		delete_transient( $key );
		if ( ! empty( $test['sent'] ) ) {
			/* translators: %s: the address the test email went to. */
			echo '<div class="notice notice-success is-dismissible cvc-test-mail"><p>' . esc_html( sprintf( __( 'The test email was handed to the mail server for %s. If it does not arrive, ask your host about this site’s email.', 'customer-value-calculator' ), $settings['notify'] ) ) . '</p></div>';
		} else {
			/* translators: %s: the mail system's own message. */
			echo '<div class="notice notice-error cvc-test-mail"><p>' . esc_html( sprintf( __( 'This site could not send the test email: %s. Leads are still kept here; an SMTP plugin or your host can make email work.', 'customer-value-calculator' ), (string) $test['error'] ) ) . '</p></div>';
		}
	}
	if ( $failed > 0 ) {
		/* translators: %d: how many leads could not be emailed. */
		echo '<div class="notice notice-warning cvc-mail-failed"><p>' . esc_html( sprintf( _n( '%d lead could not be emailed to you. It is kept here; send a test email below to check this site’s email.', '%d leads could not be emailed to you. They are kept here; send a test email below to check this site’s email.', $failed, 'customer-value-calculator' ), $failed ) ) . '</p></div>';
	}
}

/**
 * One lead's page: contact, message, figures, consent record, attribution, its scenario.
 *
 * @param int $id The lead's id.
 */
function customer_value_calculator_lead_page( $id ) {
	$lead = customer_value_calculator_lead( $id );
	$back = admin_url( 'admin.php?page=' . CUSTOMER_VALUE_CALCULATOR_LEADS_PAGE );
	echo '<div class="wrap cvc-lead">';
	echo '<p><a href="' . esc_url( $back ) . '">' . esc_html__( '← All leads', 'customer-value-calculator' ) . '</a></p>';
	if ( null === $lead ) {
		echo '<h1>' . esc_html__( 'This lead is not here: it may have been deleted.', 'customer-value-calculator' ) . '</h1></div>';
		return;
	}
	$row = function ( $label, $value, $ltr = false ) {
		echo '<tr><th scope="row">' . esc_html( $label ) . '</th><td><bdi' . ( $ltr ? ' dir="ltr"' : '' ) . '>' . nl2br( esc_html( (string) $value ) ) . '</bdi></td></tr>';
	};
	echo '<h1><bdi>' . esc_html( $lead['name'] ) . '</bdi></h1>';
	echo '<h2>' . esc_html__( 'Contact', 'customer-value-calculator' ) . '</h2><table class="form-table" role="presentation"><tbody>';
	$row( __( 'Email', 'customer-value-calculator' ), $lead['email'], true );
	$row( __( 'Phone', 'customer-value-calculator' ), $lead['phone'], true );
	$row( __( 'Message', 'customer-value-calculator' ), $lead['message'] );
	$row( __( 'Received', 'customer-value-calculator' ), get_date_from_gmt( $lead['created_at'], get_option( 'date_format' ) . ' ' . get_option( 'time_format' ) ) );
	$row( __( 'Email to you', 'customer-value-calculator' ), customer_value_calculator_mail_status( $lead['mail_status'] ) . ( '' !== $lead['mail_error'] ? ' (' . $lead['mail_error'] . ')' : '' ) );
	echo '</tbody></table>';

	echo '<h2>' . esc_html__( 'Their figures', 'customer-value-calculator' ) . '</h2>';
	// The calculator's link, as the visitor's browser wrote it: http or https only.
	$link = in_array( wp_parse_url( $lead['link'], PHP_URL_SCHEME ), array( 'http', 'https' ), true ) ? $lead['link'] : '';
	if ( '' !== $link ) {
		echo '<p><a class="button" id="cvc-open-scenario" target="_blank" rel="noopener noreferrer" href="' . esc_url( $link ) . '">' . esc_html__( 'Open this scenario in the calculator', 'customer-value-calculator' ) . '</a></p>';
	}
	echo '<table class="widefat striped cvc-figures"><tbody>';
	$results = json_decode( $lead['results'], true );
	foreach ( is_array( $results ) ? $results : array() as $name => $value ) {
		if ( is_array( $value ) ) {
			continue;
		}
		// Shown rounded in the site's locale; the exact figure is kept in data-value.
		$shown = null === $value || ! is_numeric( $value ) ? '—' : number_format_i18n( (float) $value, abs( (float) $value ) >= 100 ? 0 : 2 );
		echo '<tr><th scope="row" dir="ltr"><code>' . esc_html( (string) $name ) . '</code></th><td data-name="' . esc_attr( (string) $name ) . '" data-value="' . esc_attr( is_numeric( $value ) ? (string) $value : '' ) . '" dir="ltr">' . esc_html( $shown ) . '</td></tr>';
	}
	echo '</tbody></table>';
	$scenario = json_decode( $lead['scenario'], true );
	echo '<details><summary>' . esc_html__( 'The scenario they entered', 'customer-value-calculator' ) . '</summary><pre dir="ltr">' . esc_html( (string) wp_json_encode( $scenario, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ) ) . '</pre></details>';

	echo '<h2>' . esc_html__( 'Consent', 'customer-value-calculator' ) . '</h2><table class="form-table cvc-consent" role="presentation"><tbody>';
	$row( __( 'What they agreed to', 'customer-value-calculator' ), $lead['consent_text'] );
	$row( __( 'Language', 'customer-value-calculator' ), $lead['consent_language'], true );
	$row( __( 'When (UTC)', 'customer-value-calculator' ), $lead['consent_at'], true );
	$row( __( 'On the page', 'customer-value-calculator' ), $lead['consent_page'], true );
	$row( __( 'News and offers', 'customer-value-calculator' ), $lead['marketing'] ? __( 'Agreed', 'customer-value-calculator' ) . ': ' . $lead['marketing_text'] : __( 'Not agreed', 'customer-value-calculator' ) );
	echo '</tbody></table>';

	echo '<h2>' . esc_html__( 'Where they came from', 'customer-value-calculator' ) . '</h2><table class="form-table cvc-attribution" role="presentation"><tbody>';
	$attribution = json_decode( $lead['attribution'], true );
	foreach ( is_array( $attribution ) ? $attribution : array() as $name => $value ) {
		if ( is_string( $value ) && '' !== $value ) {
			$row( (string) $name, $value, true );
		}
	}
	echo '</tbody></table></div>';
}

/**
 * A CSV cell that a spreadsheet reads as text: one that starts with =, +, -, @, a tab or
 * a carriage return would be run as a formula, so it starts with an apostrophe instead.
 * Pure.
 *
 * @param mixed $value The value.
 * @return string
 */
function customer_value_calculator_csv_cell( $value ) {
	$text = null === $value ? '' : (string) $value;
	if ( '' !== $text && false !== strpos( "=+-@\t\r", $text[0] ) ) {
		return chr( 39 ) . $text; // An apostrophe: the cell is text.
	}
	return $text;
}

/**
 * The CSV export (admin-post): every lead, UTF-8 with a byte-order mark, so that Excel
 * opens Hebrew right; no cell can run a formula. Only for those who manage options.
 */
function customer_value_calculator_export_leads() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to export the calculator’s leads.', 'customer-value-calculator' ), 403 );
	}
	check_admin_referer( CUSTOMER_VALUE_CALCULATOR_EXPORT_ACTION );
	global $wpdb;
	$table   = customer_value_calculator_leads_table();
	$columns = array( 'id', 'created_at', 'name', 'email', 'phone', 'message', 'currency', 'yearly_cost', 'npv_gain', 'variant', 'consent_text', 'consent_language', 'consent_at', 'consent_page', 'marketing', 'marketing_text', 'link', 'attribution', 'mail_status' );
	$rows    = $wpdb->get_results( 'SELECT ' . implode( ', ', $columns ) . " FROM $table ORDER BY id", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	nocache_headers();
	header( 'Content-Type: text/csv; charset=utf-8' );
	header( 'Content-Disposition: attachment; filename="calculator-leads-' . gmdate( 'Y-m-d' ) . '.csv"' );
	header( 'X-Content-Type-Options: nosniff' );
	$out = fopen( 'php://output', 'w' );
	fwrite( $out, "\xEF\xBB\xBF" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite
	fputcsv( $out, $columns, ',', '"', '' );
	foreach ( $rows as $row ) {
		fputcsv( $out, array_map( 'customer_value_calculator_csv_cell', array_values( $row ) ), ',', '"', '' );
	}
	fclose( $out ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose
	exit;
}
add_action( 'admin_post_' . CUSTOMER_VALUE_CALCULATOR_EXPORT_ACTION, 'customer_value_calculator_export_leads' );

/**
 * The test email (admin-post): sent to the address leads go to; how it went is shown on
 * the Leads screen.
 */
function customer_value_calculator_test_mail() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to see the calculator’s leads.', 'customer-value-calculator' ), 403 );
	}
	check_admin_referer( CUSTOMER_VALUE_CALCULATOR_TEST_MAIL_ACTION );
	$settings = customer_value_calculator_leads_settings();
	$error    = '';
	$record   = function ( $failure ) use ( &$error ) {
		$error = $failure instanceof WP_Error ? $failure->get_error_message() : 'wp_mail failed';
	};
	add_action( 'wp_mail_failed', $record );
	$sent = wp_mail(
		$settings['notify'],
		__( 'A test email from the Customer Value Calculator', 'customer-value-calculator' ),
		__( 'This site can send email: leads from the calculator will reach you here.', 'customer-value-calculator' )
	);
	remove_action( 'wp_mail_failed', $record );
	set_transient(
		'cvc_test_mail_' . get_current_user_id(),
		array(
			'sent'  => $sent,
			'error' => '' !== $error ? $error : 'wp_mail failed',
		),
		MINUTE_IN_SECONDS
	);
	wp_safe_redirect( admin_url( 'admin.php?page=' . CUSTOMER_VALUE_CALCULATOR_LEADS_PAGE ) );
	exit;
}
add_action( 'admin_post_' . CUSTOMER_VALUE_CALCULATOR_TEST_MAIL_ACTION, 'customer_value_calculator_test_mail' );
