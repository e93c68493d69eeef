// A lexicon is data: the phrases of one language that the detectors look for.
// Phrases are matched case-insensitively, ignoring diacritics and collapsing white space,
// on word boundaries (a phrase never matches inside a longer word).
export interface Lexicon {
  /** BCP 47 primary language subtag: 'en', 'de', … */
  lang: string;
  /** Donation pleas: "support us", "readers like you", "independent journalism depends on you", "make a donation". */
  donation: string[];
  /** Membership and subscribe-to-support pleas: "become a member", "join our community of supporters". */
  membership: string[];
  /** Paywall nags: "free articles", "subscribe to continue reading", "you have reached your limit". */
  paywall: string[];
  /** Newsletter sign-up nags: "sign up for our newsletter", "get our newsletter", "in your inbox". */
  newsletter: string[];
  /**
   * A sign-up form's field labels and prompts: "email address", "enter your email". They count as a newsletter's words
   * only beside an email field and outside a box the site names for an account: alone they are a sign-in's, a share
   * form's or an error message's, and in an account's box a password reset's.
   */
  emailLabels: string[];
  /** App-download promos: "download our app", "get it on google play", "available on the app store". */
  appPromo: string[];
  /** Ad-blocker walls that ask for support: "you are using an ad blocker", "please whitelist us". */
  adblock: string[];
  /** Headings that introduce link walls: "trending", "most read", "around the web", "you may like", "more from". */
  linkWallHeadings: string[];
  /** Words of donate/support calls to action (button or link text): "donate", "contribute", "support". */
  donateActions: string[];
  /** Words of subscribe / sign-up calls to action: "subscribe", "sign up", "join". */
  subscribeActions: string[];
  /** Buttons that put an appeal off (link or button text): "remind me later", "not now", "maybe later". */
  dismissals: string[];
  /** Legal and contact links of a site's footer (link text): "privacy policy", "terms", "imprint", "contact". */
  legal: string[];
  /** Recurring-amount periods for "$2 a month": "a month", "per month", "monthly", "a year". */
  perPeriod: string[];
  /**
   * Words of currencies written after an amount, for "10 рублей", "5 dollars a month": the signs and codes
   * ("€", "$", "eur", "chf") are every language's, in scan/phrases.ts.
   */
  currencies?: string[];
}
