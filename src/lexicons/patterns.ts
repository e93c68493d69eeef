// Patterns of class names and link addresses, in any language: data like the lexicons, served with them by the
// background (the content script ships none of it), compiled by the scan (scan/stats.ts providePatterns).
// Regular-expression sources, matched case-insensitively.

/**
 * Kinds of block that class/id words hint at; the patterns' order is their bits' (scan/stats.ts hintBits), and the
 * content script ships no list of them: they come with the patterns.
 */
export type Hint = 'donate' | 'membership' | 'paywall' | 'newsletter' | 'appPromo' | 'linkfarm' | 'tags' | 'vendor' | 'popup' | 'social' | 'account';

/** A story's tags, keywords or categories: a list of links of their own kind (see scan/link-list.ts). */
const tagNames = String.raw`(?:^|[^a-z])(?:tags|topics)(?:[^a-z]|$)|tag-?list|categor|keywords|schlagw`;

export interface Patterns {
  /** Class/id words that hint at a kind of block; supporting evidence only, never enough alone. */
  hints: Readonly<Record<Hint, string>>;
  /** Donation pages and payment services: what a donate button leads to. */
  donateHref: string;
  /** Membership and subscription pages. */
  memberHref: string;
  /** App stores and app links. */
  appHref: string;
  /**
   * Social networks, sharing and feeds: a row of these is the site's "follow us" or "share" bar, not a link farm. A
   * share-by-email link ("mailto:?subject=…") is none: in a share bar the networks beside it tell the bar, and it also
   * closes boxes of the story's topics.
   */
  socialHref: string;
  /**
   * The site's contact, legal and privacy pages, and email addresses: a footer of these is the site's chrome, whatever
   * its language. Only a whole segment of the path counts ("/privacy", not "/privacy-in-the-news-2024"). So is a blog's
   * own service: its log-in page and its software's home (WordPress' "Meta" box: Log in · Entries feed ·
   * Comments feed · WordPress.org), and the licence its content is under (a Creative Commons licence's page).
   */
  legalHref: string;
  /** A page of a tag, topic, keyword or category, or a search for one: where the links of a story's tag row lead. */
  tagHref: string;
  /**
   * A segment of a site's own donation or membership page's address (a first or last path segment, or a host's first
   * label): a whole segment, so that "/support-us" is one and "/supported-browsers" is not (see scan/appeal-page.ts).
   */
  appealPageSegment: string;
  /**
   * Names, placeholders and labels of a text field that asks for an email address, or for a search. A name that opens
   * with "newsletter" is an address field's ("newsletterAddress"); a form that names every field after its newsletter
   * names them so after a prefix ("medef_newsletter[lastName]") or as the newsletter's fields ("newsletter[name]",
   * "newsletter_name"). A mailing plugin's anti-robot field ("wysija[user][abs][email]", hidden by a style sheet, for
   * spam robots to fill in) is no second address.
   */
  emailFieldNames: string;
  searchFieldNames: string;
  /**
   * Class names and ids of a menu; matched case-sensitively, unlike the others, since a word inside a name counts only
   * with its capital ("mainNav", "topMenu", "navMain"; not "canvas", "fullmenus", "navigator").
   */
  menuNames: string;
  /**
   * Class names and ids of the page's regions: its header (or navigation bar), its footer, a sidebar. Here and in
   * menuNames a word after "before-" or "after-" names a neighbour, not the element: a page builder's module
   * "before-navigation after-widget-bar" holds the story, and so may a theme's "above-footer".
   */
  headerNames: string;
  footerNames: string;
  asideNames: string;
  /**
   * The readers' comments. A post's categories and tags in its class names ("category-commentary",
   * "post_tag-kommentar") say what it is about, a comment's lead ("commentLead") is an opinion piece's opening, the
   * story's, and a sidebar's list of the most or the most recent comments ("recentcomments") links to posts.
   */
  commentNames: string;
}

export const patterns: Patterns = {
  hints: {
    donate: String.raw`donat|contribut|support-?us|supporter|fundrais|(?:^|[^a-z])epic(?:[^a-z]|$)|patreon|ko-?fi|(?:^|[^a-z])give(?:[^a-z]|$)|spende|unterstuetz|soutien|steady|twingle`,
    membership: String.raw`member(?:ship)?|mitglied|subscri(?:be|ption)[-_]?(?:cta|prompt|promo|box|banner)|join[-_]?us|abo[-_]?(?:promo|teaser|box|cta)`,
    paywall: String.raw`paywall|regwall|meter(?:ed)?[-_]|[-_]meter|piano|subscriber[-_]?only|premium[-_]?(?:wall|gate|banner)|(?:^|[^a-z])gate(?:[^a-z]|$)`,
    // A "share-email-form" sends the story to a friend: its address fields and its "Sent!" pane are no sign-up's.
    newsletter: String.raw`newsletter|sign-?up|subscribe|opt-?in|(?<!share[-_]?)email[-_]?(?:capture|signup|form)|mailchimp|mc-embedded|mc_embed|mailing`,
    appPromo: String.raw`app[-_]?(?:promo|download|banner|store|badge|link)|smart-?banner|google-?play`,
    linkfarm: String.raw`${tagNames}|trending|most[-_]?(?:read|popular|viewed|shared|commented)|popular|related|recommend|around[-_]?the[-_]?web|tag-?cloud|footer[-_]?links|sitemap|more[-_]?from|read[-_]?more|recirc|archive|blogroll|linkcat|teaser[-_]?list`,
    tags: tagNames,
    /** Recommendation widgets by their vendors' markers. */
    vendor: String.raw`taboola|outbrain|zergnet|revcontent|plista|ligatus|mgid|dianomi|nativo|adblade|zemanta|yieldmo|sharethrough|content-?ad`,
    /** Boxes laid over the page or pinned to it. */
    popup: String.raw`modal|popup|pop-up|overlay|lightbox|interstitial|flyout|slide-?in|toast|sticky|(?:^|[-_\s])fixed|bottom-?bar|top-?bar|banner`,
    /** Share and follow bars. */
    social: String.raw`share|sharing|social|follow`,
    /** Sign-in and account boxes (a body named "not-login" names the page's state). */
    account: String.raw`(?<!not-)login|log-in|signin|sign-in|account|profile|user-?menu|password|forgot|lost[-_]?pass|reset[-_]?pass|(?:^|[^a-z])auth(?:[^a-z]|$)`,
  },
  donateHref: [
    String.raw`donat|contribut|\/support(?:-us)?(?:[-/?#]|$)|\/give(?:[-/?#]|$)|\/spende|\/unterstuetz|\/unterstütz|\/f(?:oe|ö)rdern(?:[-/?#]|$)|\/soutenir|\/faire-un-don|\/don(?:[-/?#]|$)`,
    String.raw`\/dona(?:r|re|tion)?(?:[-/?#]|$)|\/apoya|\/sostieni|\/doneer|\/steun|\/wesprzyj|\/wsparcie|\/podderzh|\/pidtrym`,
    String.raw`patreon\.com|paypal\.(?:com|me)|ko-fi\.com|buymeacoffee\.com|liberapay\.com|opencollective\.com|gofundme\.com|steadyhq\.com`,
    String.raw`twingle\.de|donorbox\.org|fundraiseup\.com|givebutter\.com|tipeee\.com|helloasso\.com|betterplace\.org|(?:buy|donate)\.stripe\.com`,
    String.raw`\/(?:destek-ol|bagis|bagis-yap|tamogatas|tamogatom|doneaza|sustine-ne|donasi|dukung-kami|dorea|stirixe)(?:[-/?#.]|$)|trakteer\.id|saweria\.co`,
  ].join('|'),
  memberHref: [
    String.raw`\/members?(?:hip)?(?:[-/?#]|$)|\/join(?:[-/?#]|$)|\/subscri(?:be|bers?|ptions?)(?:[-/?#.]|$)|subscribe\.|subscription\.|memberful\.com`,
    String.raw`\/abo(?:nnement|nnieren|nner)?(?:[-/?#.]|$)|\/mitglied|\/socios?(?:[-/?#]|$)|\/hazte-(?:socio|aliado|miembro)|\/suscri|\/abbonamenti|\/abbonati|\/assine|\/lidmaatschap|\/prenumerata|\/prenumer(?:era|ation)|\/tilaa|\/tilaus|\/podpiska`,
    String.raw`\/(?:abone-ol|abonelik|uye-ol|elofizetes|elofizetek|devino-membru|berlangganan|langganan|syndromi|syndromes)(?:[-/?#.]|$)`,
  ].join('|'),
  appHref: String.raw`play\.google\.com|apps\.apple\.com|itunes\.apple\.com|app\.link|onelink\.me|\.page\.link`,
  socialHref: String.raw`(?:^|[/.])(?:facebook|twitter|x|instagram|linkedin|youtube|pinterest|tiktok|whatsapp|xing|reddit|flipboard|threads|bsky|mastodon|vk|ok|telegram|github|discord|line|feedburner)\.(?:com|net|app|social|ru|me|org|gg)(?:[/:?#]|$)|(?:^|[/.])t\.me\/|wa\.me\/|sharer|intent\/tweet|share\?url=|[?&]share=|\.(?:rss|xml)(?:[?#]|$)`,
  legalHref: String.raw`^mailto:[^?]|(?:^|\/)(?:contact(?:-us|o)?|kontakt|privacy(?:-policy|-notice)?|terms(?:-of-(?:use|service))?|legal|imprint|impressum|datenschutz\w*|agb|cookies?(?:-policy)?|accessibility|mentions-legales|aviso-legal|privacidad)(?:[/?#.]|$)|\/wp-login\.php|\/\/wordpress\.org\/?$|creativecommons\.org\/licen[cs]es\/`,
  tagHref: String.raw`\/(?:tags?|tagy|topics?|categor(?:y|ies)|keywords?|themen?|thema|temas?|sujets?|schlagw[oö]rte?|stichw[oö]rte?|etiquetas?|argomenti|tematy|teg|tegi|tema|haberleri|etiket|konu)\/[^/?#]|[?&](?:q|keywords?|query|tags?)=[^&]`,
  appealPageSegment: String.raw`^(?:don(?:s|ar?|at(?:e|ions?)|eer|eren)?|giv(?:e|ing)|support(?:-us)?|contribut(?:e|ion)|spenden?|unterst(?:ue|ü)tzen|f(?:oe|ö)rdern|sout(?:enir|ien)|faire-un-don|apoya(?:nos)?|sostieni(?:ci)?|steun|wesprzyj|wsparcie|podderzhat|pidtrymaty|member(?:s|ship)?|join|subscri(?:be|ptions?)|abo(?:nnement|nnieren)?|mitglied(?:-werden|schaft)?|socios?|hazte-(?:socio|aliado|miembro)|suscripcion|abbona(?:ti|mento)|assin(?:e|atura)|lidmaatschap|prenumerata|podpiska)$`,
  emailFieldNames: String.raw`(?<!\[abs\]\[)e-?mail|e-?posta|correo|courriel|почт|пошт|بريد|ταχυδρομ|surel|(?:^|\s)newsletter(?![[_])`,
  searchFieldNames: String.raw`search|(?:^|\s)q(?:\s|$)|query|suche|recherche|buscar|поиск`,
  menuNames: String.raw`(?:^|[-_\s])(?<!(?:before|after)[-_])(?:g?[Nn]avi?|[Nn]avigation|[Mm]enu|[Nn]avbar|[Bb]readcrumbs?)(?:[-_\s]|$)|[a-z0-9](?:Navi?|Menu|Navigation)(?:[A-Z0-9_\s-]|$)|(?:^|[-_\s])(?:nav|menu)[A-Z]|(?:^|[-_\s])prev(?:ious)?[-_]?next(?:[-_\s]|$)`,
  headerNames: String.raw`(?:^|[-_\s])(?<!(?:before|after)[-_])(?:header|masthead|navbar|nav|navigation|menu|topbar|top-bar)(?:[-_\s]|$)`,
  footerNames: String.raw`(?<!(?:before|after|above)[-_])foot|colophon`,
  asideNames: String.raw`(?:^|[-_\s])(?<!(?:before|after)[-_])(?:sidebar|side-bar|(?:left|right)-?bar|aside|widgets?|widget-area)(?:[-_\s]|$)`,
  // The look back comes after the word: in front of it, it was tried at every character of every class name (twice
  // the footer pattern's time over the corpora's 45 859 class attributes), after it only where the word is (1.3 times).
  commentNames: String.raw`(?:comment(?![-_]?lead)|comentari|repl(?:y|ies)|discussion|disqus|kommentar)(?<!(?:(?:most|recent)[-_]?|[\s_](?:categor|tags?-)\S*)(?:comment|comentari|repl(?:y|ies)|discussion|disqus|kommentar))`,
};
