// The plea model: one score for every box that asks the reader for something (to donate, to become a
// member, to subscribe to read on, to sign up for a newsletter, to install an app). Its signals read the
// box as a whole: its plea language and calls to action, how much of its text is plea, how it opens, its
// form fields and payment links, and where it sits. Each kind of plea has its own evidence; the plea
// detector whose evidence weighs most claims the box, so the reader sees what it asked for.
import type { Category, DetectContext, Detector, DetectorId, Kind, Verdict } from '../core/types';
import { askingPhrases, flag, hint as hintSignal, noValues, percent, placeSignals, quoted, share, where } from './evidence';
import { memoScore, verdictOf, type Score, type Signal } from './model';
import { modelWeights } from './weights';
import { pleaLists, type PhraseList } from './phrases';
import { blockStats, hasHint, hasHintAround, hitCount, indexedStats, LEAD_PLEA, leadAt, matchedPhrases, type BlockStats, type Hint } from './stats';

/** What a plea asks for; each plea detector claims one. */
export type PleaKind = 'donation' | 'membership' | 'paywall' | 'newsletter' | 'app';

interface PleaSignal extends Signal {
  /** The kind of plea this signal is evidence of; none for what every plea shares (size, place, share of plea). */
  claim?: PleaKind;
}

function capped(count: number, max: number): number {
  return Math.min(max, count);
}

function phrases(list: PhraseList, max: number, claim?: PleaKind): PleaSignal {
  return {
    id: `${list}Phrases`,
    claim,
    max,
    compute: (stats) => capped(hitCount(stats, list), max),
    reason: (stats) => [quoted(matchedPhrases(stats, [list]).slice(0, 2))],
  };
}

function hint(name: Hint, claim?: PleaKind): PleaSignal {
  return { ...hintSignal(name), claim };
}

function linksTo(count: (stats: BlockStats) => number, claim: PleaKind): PleaSignal {
  return {
    id: `${claim}Links`,
    claim,
    max: 2,
    compute: (stats) => capped(count(stats), 2),
    reason: (stats) => [String(count(stats))],
  };
}

/**
 * A form that is not a sign-up: one asking for a comment, a password, or several addresses (sharing by email: the
 * sender's and the recipient's, in a form element or in a box of fields a script sends). Inside one, an email field is
 * the form's, not a newsletter's; so is one in a box around a form for sharing or for feedback ("Help us improve"), but
 * not around a registration form (a paywall's "create a free account"). A captcha's answer box is a text area too, but
 * no comment's.
 */
function formIsNotSignup(stats: BlockStats): boolean {
  const around = stats.element.closest('form');
  const form = around ?? (stats.forms === 1 ? stats.element.querySelector('form') : null);
  // A part of a form (a field's line, its legend) counts the whole form's address fields.
  // A form's honeypot address (Substack's "fake_email", off-screen) is no second address. A box of several forms (one
  // sign-up form for each screen size) may hold one address each, but not beside a comment's form (its text area).
  const honeypots = form ? fields(form, 'email', true) : 0;
  return ((around && indexedStats(around)) || stats).emailInputs - honeypots > (stats.forms - stats.textareas || 1) || (form !== null && (form.querySelector('textarea:not([name*=captcha])') !== null || (around !== null && fields(form, 'password') > 0)));
}

/**
 * The form's fields of a type, but its honeypots (or only those: `honeypots`): fields out of the keyboard's reach and
 * placed off-screen by their own style, to catch bots (a sign-up form's fake address and password), or in a label or
 * box named for a honeypot, which a style sheet hides (a mailing plugin's "…_hp_email_label"), or in a box its own
 * style hides (a newspaper system's second "email_…" text field; an element of an XML page has no style). A text field
 * named for the type counts as one of it.
 * A closed drop-down's fields are out of reach in place.
 */
function fields(form: Element, type: string, honeypots = false): number {
  return [...form.querySelectorAll(`input[type="${type}" i], input[type="text" i][name*="${type}" i]`)].filter((field) => ((field.getAttribute('tabindex') === '-1' && /position/i.test(field.getAttribute('style') ?? '')) || /honeypot|_hp_/i.test(field.parentElement!.className) || (field.parentElement as HTMLElement).style?.display === 'none') === honeypots).length;
}

/**
 * A newsletter's words, and its field's labels ("Email address") beside an email field only, and not in a box the site
 * names for an account, or in a window it names so (a password reset's "Enter your email and we will send you a link").
 */
function newsletterWords(stats: BlockStats): number {
  return hitCount(stats, 'newsletter') + (stats.emailInputs && !hasHintAround(stats, 'account') ? hitCount(stats, 'emailLabels') : 0);
}

/**
 * Inside a menu, and not a sign-up form there (an email field and no link away but its privacy policy or its own close
 * button: a header's newsletter box is no menu).
 */
function inMenu(stats: BlockStats): boolean {
  return stats.inNavigation && (stats.links > stats.legalLinks + stats.pageLinks || stats.emailInputs === 0) && !pleaLink(stats);
}

/** The block's first text holds its plea: a heading or salutation ("Dear readers", "Support us"). */
export function opensWithPlea(stats: BlockStats): boolean {
  return (leadAt(stats.leading, 0) & LEAD_PLEA) !== 0;
}

/**
 * A letter beside the story: it opens with its plea ("To support our newsroom, subscribe"), tells why in a part of
 * plain paragraphs of its own, and asks (a button, a link to give or join, amounts). A box holding the story's opening
 * between its bar and its box holds the article, and inside the article a part of paragraphs stays the story's.
 */
function letterOutsideArticle(stats: BlockStats): boolean {
  return (stats.place === 'before' || stats.place === 'after') && opensWithPlea(stats) && asks(stats);
}

/**
 * The block is a link whose text is its plea, more than a button's word, with a few words beside it at most (in a
 * mega-menu, its promo: "Jetzt abonnieren! Mit unserem Newsletter verpasst Du nichts mehr!"); not an entry of a list (a
 * menu's "Sign up to receive our content"), the footer's, nor a teaser marked for subscribers ("Lire aussi Article
 * réservé à nos abonnés …").
 */
function pleaLink(stats: BlockStats): boolean {
  return stats.links === 1 && stats.listItems === 0 && !stats.inFooter && !hitCount(stats, 'paywall') && stats.linkTextLength > BUTTON_CHARS / 2 && 2 * stats.linkTextLength >= stats.textLength && stats.pleaChars >= stats.linkTextLength;
}

/**
 * In the comments, a box the site names its paywall, or that says in a paywall's words that replying is for subscribers
 * and links to subscribing ("Para responder debes ser suscriptor"), is the site's. A reader's comment that urges others
 * to join something, linking to it, is still the reader's.
 */
export function siteBoxInComments(stats: BlockStats): boolean {
  return hasHint(stats, 'paywall') || (hitCount(stats, 'paywall') > 0 && stats.memberLinks > 0);
}

/** A way to act on a plea: a link to give or join, a call to action, amounts to choose. */
function asks(stats: BlockStats): boolean {
  return stats.donateLinks + stats.memberLinks + callsToAction(stats) + hitCount(stats, 'money') > 0;
}

/** Words of buttons that ask to give or to subscribe: "Donate", "Jetzt spenden", "Subscribe". */
function callsToAction(stats: BlockStats): number {
  return hitCount(stats, 'donateActions') + hitCount(stats, 'subscribeActions');
}

/** Longest text of a lone button. */
const BUTTON_CHARS = 40;

/** A row of buttons to act on a plea ("PayPal Patreon", "Donate Subscribe"): a few words, each a way to give or join. */
export function buttonRow(stats: BlockStats): boolean {
  return stats.textLength <= BUTTON_CHARS && stats.paragraphs === 0 && stats.headings === 0 && asks(stats);
}

/** A short block that is a call to action: "Donate", "Jetzt spenden", "Subscribe". */
function loneButton(stats: BlockStats): boolean {
  return stats.textLength <= BUTTON_CHARS && callsToAction(stats) > 0;
}

/** Inside the article, paywall words and a link to subscribe: where the story is cut for subscribers. */
function paywallCut(stats: BlockStats): boolean {
  return stats.place === 'inside' && hitCount(stats, 'paywall') > 0 && stats.memberLinks > 0;
}

/** Plain paragraphs: a story's, not a plea's (a letter-style appeal has some, a story many). */
function plainParagraphs(stats: BlockStats): number {
  return stats.paragraphs - stats.pleaParagraphs;
}

// `tidings tune` fits each signal's weight (src/detectors/weights.json), starting from its hand-set prior in
// cli/tune/priors.ts.
export const pleaSignals: readonly PleaSignal[] = [
  phrases('donation', 3, 'donation'),
  phrases('adblock', 2, 'donation'),
  phrases('donateActions', 2, 'donation'),
  { id: 'recurringAmount', claim: 'donation', max: 1, compute: (s) => flag(hitCount(s, 'amount') > 0), reason: (s) => [quoted(matchedPhrases(s, ['amount']).slice(0, 1))] },
  { id: 'amounts', claim: 'donation', max: 3, compute: (s) => capped(hitCount(s, 'money'), 3), reason: (s) => [matchedPhrases(s, ['money']).slice(0, 4).join(', ')] },
  linksTo((s) => s.donateLinks, 'donation'),
  hint('donate', 'donation'),
  phrases('membership', 3, 'membership'),
  linksTo((s) => s.memberLinks, 'membership'),
  hint('membership', 'membership'),
  phrases('paywall', 3, 'paywall'),
  hint('paywall', 'paywall'),
  { ...phrases('newsletter', 3, 'newsletter'), compute: (s) => capped(newsletterWords(s), 3) },
  // A form that is not a sign-up (sharing by email, signing in) asks for an address for its own ends; so does one whose
  // address comes with a password (a sign-in's or a registration's).
  { id: 'emailField', claim: 'newsletter', max: 1, compute: (s) => flag(s.emailInputs > s.passwordInputs && !formIsNotSignup(s) && !hasHintAround(s, 'account')), reason: noValues },
  hint('newsletter', 'newsletter'),
  phrases('appPromo', 2, 'app'),
  linksTo((s) => s.appLinks, 'app'),
  hint('appPromo', 'app'),
  phrases('subscribeActions', 2),
  // "Not now" dismisses cookie banners and app prompts too; beside a plea's own words it is an appeal's.
  { id: 'dismissalBesidePlea', max: 1, compute: (s) => flag(hitCount(s, 'dismissals') > 0 && askingPhrases(s) > 0), reason: (s) => [quoted(matchedPhrases(s, ['dismissals']).slice(0, 1))] },
  hint('popup'),
  // A sign-in box is the site's chrome, but inside the story one that says the rest is for subscribers and links to
  // subscribing is the paywall's ("To Read the Full Story · Subscribe · Sign In"), whatever its class says.
  // So is a letter that asks to give, though it links to signing in too ("Already contributed? Log in to hide these").
  { ...hint('account'), compute: (s) => flag(hasHint(s, 'account') && !paywallCut(s) && !(hitCount(s, 'donation') >= 2 && s.passwordInputs === 0)) },
  where('inComments', (s) => s.inComments && !siteBoxInComments(s)),
  { id: 'emailFieldAlone', max: 1, compute: (s) => flag(s.emailInputs > 0 && newsletterWords(s) + hitCount(s, 'subscribeActions') === 0) },
  { id: 'notSignupForm', max: 1, lazy: true, compute: (s) => flag(formIsNotSignup(s)) },
  where('passwordField', (s) => s.passwordInputs > 0),
  { id: 'loneButton', max: 1, compute: (s) => flag(loneButton(s)), reason: noValues },
  // A lone "Donate" in the header is the site's own chrome; pinned over the content it is an appeal.
  { id: 'pinnedButton', max: 1, lazy: true, compute: (s) => flag(loneButton(s) && !s.inPageHeader && !s.inNavigation && hasHint(s, 'popup')), reason: noValues },
  where('opensWithPlea', opensWithPlea),
  // A letter: it opens with its plea ("A message from…", "Dear readers,"), tells its story, and asks — a link or
  // a button to give or join, or amounts to choose. A letter to the readers that asks for nothing has no ask.
  where('letterThatAsks', (s) => opensWithPlea(s) && s.pleaParagraphs >= 2 && asks(s)),
  { id: 'pleaShare', max: 1, compute: (s) => share(s.pleaChars, s.textLength), reason: (s) => [percent(s.pleaChars, s.textLength)] },
  { id: 'logChars', max: 6, compute: (s) => Math.log10(1 + s.textLength) },
  // A story's paragraphs weigh against a block; a letter-style appeal, which opens with its plea, tells its
  // story in paragraphs too, and they weigh less there.
  { id: 'plainParagraphs', max: 6, compute: (s) => (opensWithPlea(s) ? 0 : capped(plainParagraphs(s), 6)) },
  { id: 'letterParagraphs', max: 6, compute: (s) => (opensWithPlea(s) ? capped(plainParagraphs(s), 6) : 0) },
  { id: 'plainBeforePlea', max: 4, compute: (s) => capped(s.plainBeforePlea, 4) },
  { id: 'linkShare', max: 1, compute: (s) => (s.textLength ? s.linkTextLength / s.textLength : 0) },
  { id: 'links', max: 1, compute: (s) => capped(s.links, 10) / 10 },
  { id: 'headlineLinks', max: 5, compute: (s) => capped(s.headlineLinks, 5) },
  { id: 'legalLinks', max: 3, compute: (s) => capped(s.legalLinks, 3) },
  where('otherFields', (s) => s.textareas > 0 || s.searchInputs > 0),
  where('inNavigation', inMenu),
  where('menuOutsideFooter', (s) => inMenu(s) && !s.inFooter),
  ...placeSignals,
  // One plea or app phrase and nothing that asks: a salutation, a line about a form ("Dear readers, please keep to
  // the rules", "Enter your email to log in") or a paragraph of news naming the App Store (a banner's short line is a
  // promo), not yet a plea — unless the block is itself a link's text, a long paragraph with a link (a postscript's
  // "Please consider supporting the work of <the trust>" names where to act), or a short line with a price: an offer's
  // ("A full year for $29"); in a long paragraph a sum is news ("they raised $20,000"). A button that puts the line off
  // asks too: "… would like to send you push notifications · No thanks · Allow" is a prompt.
  { id: 'lonePhrase', max: 1, lazy: true, compute: (s) => flag(pleaEvidence(s) === 1 && askingPhrases(s) + (s.paragraphs ? hitCount(s, 'appPromo') : 0) === 1 && !hitCount(s, 'dismissals') && !s.element.closest('a') && (s.textLength < 200 ? !hitCount(s, 'money') : s.links === 0)) },
  // A line that is one link and a plea from its first word (a sidebar's "Melden Sie sich für unseren Newsletter an", a
  // bar's "Jetzt Onlineabo bestellen"): the link is where to act, though its text is long enough to read as a headline.
  where('pleaLink', pleaLink),
  // A box that says its piece in one paragraph and then asks with a donate button ("Thank you … [Donate]"): the
  // button to a donation page is its plea, though no sentence of it is (a header's tagline and button are chrome).
  where('paragraphThenDonate', (s) => s.paragraphs === 1 && s.plainBeforePlea === 1 && s.donateLinks > 0 && hitCount(s, 'donateActions') > 0 && !s.inPageHeader),
];

/** A plea detector may match only a block with some plea evidence of any kind. */
export function pleaMayMatch(stats: BlockStats): boolean {
  return stats.seenPlea || stats.emailInputs > 0 || stats.donateLinks > 0 || stats.memberLinks > 0 || stats.appLinks > 0;
}

/** The plea score of a block, computed once per block and sensitivity however many plea detectors ask. */
function pleaScore(stats: BlockStats, context: DetectContext): Score | null {
  return memoScore('plea', pleaMayMatch, pleaSignals, modelWeights.plea, stats, context);
}

/** How much each kind's own evidence added to the score. */
export function claims(score: Score): Map<PleaKind, number> {
  const byKind = new Map<PleaKind, number>();
  for (const { signal, amount } of score.contributions) {
    const claim = (signal as PleaSignal).claim;
    if (claim && amount > 0) byKind.set(claim, (byKind.get(claim) ?? 0) + amount);
  }
  return byKind;
}

/** The kind whose evidence weighs most (registry order, donation first, breaks ties); null when none has any. */
export function claimingKind(score: Score): PleaKind | null {
  let best: PleaKind | null = null;
  let most = 0;
  for (const [kind, amount] of claims(score)) {
    if (amount > most) {
      best = kind;
      most = amount;
    }
  }
  return best;
}

/**
 * More text than this beside a plea, with no plea evidence in it, belongs to something else; three times as
 * much when all of it stands before the plea, as the heading of a sign-up box does ("Never miss a story:").
 */
const MAX_UNRELATED_CHARS = 20;

/** Plea phrases, plea links and email fields: what makes a block a plea. */
function pleaEvidence(stats: BlockStats): number {
  return pleaLists.reduce((sum, list) => sum + hitCount(stats, list), 0) + callsToAction(stats)
    + stats.donateLinks + stats.memberLinks + stats.appLinks + stats.emailInputs;
}

/**
 * A block holds a plea without being one when a child already is the plea and the block adds no plea
 * evidence of its own, only unrelated text (a line of the column the plea box stands in).
 */
function onlyHoldsPlea(stats: BlockStats, context: DetectContext, kind: PleaKind): boolean {
  // A sign-up form is one whole: what it holds beside its fields' box (a honeypot's hidden label, its thank-you and error
  // lines) is its own. (Its error line alone may read as another kind: "this address is already registered".)
  if (kind === 'newsletter' && stats.element.tagName === 'FORM') return false;
  for (const child of stats.element.children) {
    const childStats = blockStats(child, context);
    // Its parent is judged first: the child sits where the parent does, unless the parent holds the article.
    if (stats.place !== 'holds') childStats.place = stats.place;
    // A line after the plea ("Filed under…", the copyright) is the column's; a few words before it head the box. A child
    // without a word (a form of a field and an icon button) asks for nothing alone: the box's words are its plea.
    // An inline child (an email field) is never collapsed on its own: with a button beside it, the block around it is
    // the sign-up form; a field and its label alone are one line of a larger form (a "send to a friend" dialog).
    if ((!childStats.block && stats.buttons > 0) || !childStats.textLength || stats.textLength - childStats.textLength <= (childStats.subtreeEnd < stats.subtreeEnd ? 1 : 3) * MAX_UNRELATED_CHARS || pleaEvidence(childStats) < pleaEvidence(stats)) continue;
    const childScore = pleaScore(childStats, context);
    if (childScore && claimingKind(childScore) === kind) return true;
  }
  return false;
}

/** The verdict of the plea detector for `kind`: the block is a plea, and its evidence is mostly of that kind. */
export function pleaVerdict(block: Element, context: DetectContext, kind: PleaKind): Verdict | null {
  const stats = blockStats(block, context);
  // A part of paragraphs without a plea phrase is a story (a paywalled story's opening between its bar and its box):
  // a block holding one holds the story beside its pleas, and is none — unless it is a letter outside the article.
  if (stats.storyParagraphs > 1 && !letterOutsideArticle(stats)) return null;
  // Prices with nothing else that asks are a story's: inside the article a product's price ("from $86 per month"), outside
  // it a headline ("raises its price from $8.99 to $15.49 a month") with no button, no call and no link to give or join.
  if (pleaEvidence(stats) === hitCount(stats, 'amount') && (stats.place === 'inside' || stats.donateLinks + stats.memberLinks + callsToAction(stats) + stats.buttons === 0)) return null;
  // Inside it, a paywall's words with nothing to act on (no link, button or field) are the story's label ("Subscriber
  // only", "この記事は会員限定です") or its own words (a subheading naming a members' offer): a paywall nag leads somewhere.
  if (kind === 'paywall' && stats.place === 'inside' && stats.links + stats.buttons + stats.emailInputs + stats.forms === 0) return null;
  // A form without a word of its own asks for nothing (a password reset's address field): a sign-up's words are in it or
  // in the box around it, which is found whole.
  if (!stats.textLength) return null;
  // A button alone that offers no mail (no field, no newsletter's words) follows a community or a channel ("Join",
  // "Subscribe" beside a subreddit's or a video channel's name), unless it is pinned over the page or a prompt's, whose
  // other button puts it off ("Subscribe · Maybe later").
  if (kind === 'newsletter' && loneButton(stats) && !stats.emailInputs && !newsletterWords(stats) && !hasHint(stats, 'popup') && !hitCount(stats, 'dismissals')) return null;
  // The site's footer, its small print among links, is its way around (a "Newsletters" link, its app's badges).
  if (stats.inFooter && stats.legalLinks > 1 && 2 * stats.linkTextLength >= stats.textLength) return null;
  const score = pleaScore(stats, context);
  if (!score || claimingKind(score) !== kind || onlyHoldsPlea(stats, context, kind)) return null;
  return verdictOf(score);
}

/** A plea detector: the plea model's verdict on whether a block asks for `plea`, reported as the detector `id`. */
export function pleaDetector(id: DetectorId, category: Category, kind: Kind, plea: PleaKind): Detector {
  return { id, category, kind, enabledByDefault: true, mayMatch: pleaMayMatch, detect: (block, context) => pleaVerdict(block, context, plea) };
}
