// The "Customer Value Calculator" block in the editor: its settings in the block sidebar,
// and a preview. The bundle's own script never runs in wp-admin (includes/block.php): the
// preview is the calculator's iframe mode, loaded from the bundle's origin in a sandboxed
// frame that this file sizes by the calculator's height message (checked to come from that
// frame's window and the bundle's origin). Plain wp.element, no build step. Its words come
// from PHP (window.customerValueCalculatorBlock), translated with the plugin's text domain.
(function (wp, words) {
	"use strict";
	if (!wp || !wp.blocks || !words) return;
	const el = wp.element.createElement;
	const { InspectorControls, useBlockProps } = wp.blockEditor;
	const { PanelBody, SelectControl, TextControl, ToggleControl, Notice } = wp.components;
	const { useState, useEffect, useRef } = wp.element;
	const MAX_HEIGHT = 20000;

	// The preview's address: the bundle's page in its iframe mode, with the block's settings
	// as the calculator's link keys (the element's attributes, with underscores).
	function previewAddress(attributes) {
		const query = new URLSearchParams();
		for (const key of words.accepted) {
			const value = attributes[key];
			if (key === "events" || key === "loading" || words.leadKeys.includes(key) || value === undefined || value === "") continue;
			query.set(key, String(value));
		}
		query.set("embed", "1");
		return `${words.preview}?${query}`;
	}

	// The calculator in a sandboxed frame of its own origin, sized to its content.
	function Preview({ attributes }) {
		const frame = useRef(null);
		const [height, setHeight] = useState(480);
		const origin = new URL(words.preview).origin;
		useEffect(() => {
			const listen = (event) => {
				const data = event.data;
				if (event.origin !== origin || !frame.current || event.source !== frame.current.contentWindow) return;
				if (!data || typeof data !== "object" || data.type !== words.height) return;
				if (typeof data.height === "number" && Number.isFinite(data.height) && data.height > 0) {
					setHeight(Math.min(Math.ceil(data.height), MAX_HEIGHT));
				}
			};
			window.addEventListener("message", listen);
			return () => window.removeEventListener("message", listen);
		}, [origin]);
		return el("iframe", {
			ref: frame,
			className: "customer-value-calculator-preview",
			src: previewAddress(attributes),
			title: words.frameTitle,
			sandbox: "allow-scripts allow-same-origin",
			referrerPolicy: "no-referrer",
			style: { display: "block", border: 0, width: "100%", height: `${height}px` },
		});
	}

	const options = (choices, none) =>
		(none ? [{ value: "", label: none }] : []).concat(
			Object.keys(choices).map((value) => ({ value, label: choices[value] }))
		);

	// A link from the calculator's Share panel, read into the block's attributes: every
	// key the block knows, and nothing else. The element checks each value again.
	function attributesOfLink(text) {
		let url;
		try {
			url = new URL(String(text).trim());
		} catch (error) {
			return null;
		}
		if (url.protocol !== "https:" && url.protocol !== "http:") return null;
		const read = {};
		url.searchParams.forEach((value, key) => {
			if (key === "events" || key === "datalayer" || key === "embed" || words.leadKeys.includes(key)) return;
			if (words.accepted.includes(key)) read[key] = value;
		});
		return Object.keys(read).length > 0 ? read : null;
	}

	function Edit(props) {
		const { attributes, setAttributes } = props;
		const [link, setLink] = useState("");
		const [linkStatus, setLinkStatus] = useState(null);
		const set = (key) => (value) => setAttributes({ [key]: value });
		const text = (key, label, help) =>
			el(TextControl, { key, label, help, value: attributes[key] || "", onChange: set(key) });
		const applyLink = (value) => {
			setLink(value);
			if (!value) return setLinkStatus(null);
			const read = attributesOfLink(value);
			if (!read) return setLinkStatus("ignored");
			// A link carries a whole scenario: fields it does not name return to their defaults.
			const cleared = {};
			for (const key of words.accepted) if (key !== "events" && key !== "loading" && key !== "show" && key !== "accent" && !words.leadKeys.includes(key)) cleared[key] = undefined;
			setAttributes(Object.assign(cleared, read));
			setLinkStatus("applied");
		};
		return el(
			"div",
			useBlockProps(),
			el(
				InspectorControls,
				null,
				el(
					PanelBody,
					{ title: words.settings, initialOpen: true },
					el(SelectControl, {
						label: words.lang,
						value: attributes.lang || "",
						options: options(words.langs, words.langAuto),
						onChange: set("lang"),
					}),
					el(SelectControl, {
						label: words.show,
						value: attributes.show || "full",
						options: options(words.shows),
						onChange: set("show"),
					}),
					el(SelectControl, {
						label: words.preset,
						value: attributes.preset || "",
						options: options(words.presets, words.presetNone),
						onChange: set("preset"),
					}),
					text("currency", words.currency),
					text("accent", words.accent),
					el(ToggleControl, {
						label: words.events,
						help: words.eventsHelp,
						checked: !!attributes.events,
						onChange: set("events"),
					}),
					el(ToggleControl, {
						label: words.lazy,
						checked: attributes.loading === "lazy",
						onChange: (on) => setAttributes({ loading: on ? "lazy" : undefined }),
					})
				),
				el(
					PanelBody,
					{ title: words.leads, initialOpen: false },
					el(ToggleControl, {
						label: words.lead,
						help: words.leadsOn ? words.leadHelp : words.leadsOff,
						checked: !!attributes.lead,
						onChange: set("lead"),
					}),
					text("lead_form", words.leadForm, words.leadFormHelp),
					text("variant", words.variant, words.variantHelp)
				),
				el(
					PanelBody,
					{ title: words.scenario, initialOpen: false },
					el(TextControl, { label: words.link, help: words.linkHelp, value: link, onChange: applyLink }),
					linkStatus &&
						el(
							Notice,
							{ status: linkStatus === "applied" ? "success" : "warning", isDismissible: false },
							linkStatus === "applied" ? words.linkApplied : words.linkIgnored
						),
					el("p", null, words.scenarioHelp),
					Object.keys(words.fields).map((key) => text(key, words.fields[key]))
				)
			),
			words.preview
				? el(Preview, { attributes })
				: el("p", { className: "customer-value-calculator-note" }, words.bundleSet ? words.samePlace : words.noBundle)
		);
	}

	wp.blocks.registerBlockType("customer-value-calculator/calculator", {
		edit: Edit,
		// Rendered on the server, through the shortcode's function.
		save: () => null,
	});
})(window.wp, window.customerValueCalculatorBlock);
