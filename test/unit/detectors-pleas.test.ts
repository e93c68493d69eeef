import { englishReasons } from '../../src/cli/english';
import { describe, expect, it } from 'vitest';
import type { DetectContext } from '../../src/core/types';
import { appPromo } from '../../src/detectors/app-promo';
import { donationAppeal } from '../../src/detectors/donation-appeal';
import { membershipPlea } from '../../src/detectors/membership-plea';
import { newsletterNag } from '../../src/detectors/newsletter-nag';
import { paywallNag } from '../../src/detectors/paywall-nag';
import { detectors } from '../../src/detectors/registry';
import { provideAllLexicons } from '../../src/lexicons/all';
import { scanDocument } from '../../src/scan/index';
import { allDetectors, pageFrom } from './scan-fixtures';

provideAllLexicons();

// The plea detectors share one model (src/scan/plea.ts): one score per block, claimed by the detector whose
// own evidence weighs most. These tests judge single blocks; the article guard and the page around a block
// are scan-document's and scan-shapes' business.

function context(sensitivity: DetectContext['sensitivity'] = 'normal', userPhrases: DetectContext['userPhrases'] = {}, langs = ['en']): DetectContext {
  return { sensitivity, langs, userPhrases };
}

function block(html: string, selector = '#block'): Element {
  return pageFrom(`<div id="block">${html}</div>`).querySelector(selector)!;
}

/**
 * The detectors whose findings a page scan at low sensitivity keeps for the block's page: low judges blocks as normal
 * does and keeps the findings that reach its models' higher thresholds (scan/scan.ts).
 */
function foundAtLow(element: Element): string[] {
  return scanDocument(element.ownerDocument, { ...allDetectors, sensitivity: 'low' }).map((finding) => finding.detectorId);
}

/** The detectors that find the block (in registry order). */
function claimants(element: Element, ctx = context()): string[] {
  return detectors.filter((detector) => detector.detect(element, ctx) !== null).map((detector) => detector.id);
}

describe('donation-appeal', () => {
  it('scores a plea box by its phrases, amount, donate link and class names; the strongest are the reasons', () => {
    const verdict = donationAppeal.detect(block(`<div class="contribution-epic"><p>Dear readers, independent journalism depends on you.</p>
      <p>Give from $3 per month.</p><a href="https://www.patreon.com/example">Donate</a></div>`), context());
    expect(verdict?.score).toBeGreaterThanOrEqual(0.95);
    expect(englishReasons(verdict?.reasons ?? [])).toHaveLength(3);
    expect(englishReasons(verdict?.reasons ?? [])[0]).toMatch(/^Asks for donations \('dear readers', 'independent journalism depends on'\)$/);
  });

  it('never fires on links or class names alone', () => {
    expect(donationAppeal.detect(block('<div class="donate support-us"><a href="/donate">Donate</a> <a href="https://paypal.me/x">PayPal</a></div>'), context('high'))).toBeNull();
  });

  // Sensitivity moves the model's probability threshold (weights.json): a weak one-line plea is where they part.
  it('takes a bare one-line plea at normal and high sensitivity but not at low', () => {
    const line = block('<p>Support our journalism.</p>');
    expect(foundAtLow(line)).toEqual([]);
    expect(englishReasons(donationAppeal.detect(line, context('normal'))?.reasons ?? [])[0]).toMatch(/support our journalism/);
    expect(donationAppeal.detect(line, context('high'))).not.toBeNull();
    // A pinned "Spenden" button alone is weaker still: only high sensitivity takes it on its own.
    const button = block('<div class="sticky-donate"><a href="/spenden">Spenden</a></div>', '.sticky-donate');
    expect(donationAppeal.detect(button, context('normal', {}, ['de', 'en']))).toBeNull();
    expect(englishReasons(donationAppeal.detect(button, context('high', {}, ['de', 'en']))?.reasons ?? []).join('; ')).toMatch(/donation page/);
  });

  it('leaves a story that mentions a gala, a donation and "readers like you" in passing alone', () => {
    const story = [
      'The fundraising gala at the town hall on Friday night raised more than forty thousand pounds for the children\'s hospice, the organisers said.',
      'Guests paid sixty pounds a ticket for a three-course dinner, a jazz band and an auction of paintings given by local artists.',
      'The hospice director said that readers like you, as she put it to the newspaper\'s table, had kept the building open through two hard winters.',
      'The biggest lot of the night, a week in a cottage on the island, went for four thousand pounds after a long duel between two farmers.',
      'Next year the gala moves to the new conference centre by the harbour, which can seat twice as many guests.',
      'Anyone who missed the evening can still make a donation at the hospice shop on Market Street, the organisers said.',
    ].map((paragraph) => `<p>${paragraph}</p>`).join('');
    expect(claimants(block(story), context('high'))).toEqual([]);
  });

  it('matches user phrases for appeals like lexicon phrases', () => {
    const html = '<p>Keep the Gazette printing!</p><a href="/give">Help out</a>';
    expect(donationAppeal.detect(block(html), context('normal'))).toBeNull();
    expect(englishReasons(donationAppeal.detect(block(html), context('normal', { appeal: ['Keep the  Gazette PRINTING'] }))?.reasons ?? [])[0]).toBe("Asks for donations ('keep the gazette printing')");
  });
});

describe('one claim per box', () => {
  it('gives a box that asks for a donation and for membership to the detector whose evidence weighs most', () => {
    const box = block('<div class="reader-box"><h3>A message to our readers</h3><p>Dear readers, please support us: independent journalism depends on you. Become a member today, from just $2 a month.</p><a href="/membership">Become a member</a> <a href="/donate">Donate</a></div>', '.reader-box');
    expect(claimants(box)).toEqual(['donation-appeal']);
    expect(membershipPlea.detect(box, context('high'))).toBeNull();
  });
});

describe('membership-plea', () => {
  it('finds "become a member" boxes with a membership link', () => {
    const verdict = membershipPlea.detect(block('<h3>Become a member</h3><p>Join our community of supporters today.</p><a href="/membership">Join</a>'), context());
    expect(englishReasons(verdict?.reasons ?? [])[0]).toMatch(/^Asks you to become a member or subscriber \('become a member', 'join our community of supporters'\)/);
    expect(englishReasons(verdict?.reasons ?? []).join('; ')).toMatch(/Links to a membership page/);
  });

  // A paper's ad slots carry the caption "Special offer" over whatever the ad network fills them with.
  it('leaves ad slots captioned "Special offer" alone', () => {
    const slot = '<div class="ad-space"><p class="ad-space__caption">Special offer</p><div class="ad-space__content"><iframe title="3rd party ad content"></iframe></div></div>';
    expect(claimants(block(`${slot}${slot}`))).toEqual([]);
  });
});

describe('paywall-nag', () => {
  it('finds meter banners, with or without a subscribe button', () => {
    const html = '<p>You have 2 free articles left this month.</p>';
    expect(englishReasons(paywallNag.detect(block(html), context())?.reasons ?? [])[0]).toMatch(/^Limits your reading \('free articles'/);
    expect(foundAtLow(block(html))).toEqual(['paywall-nag']);
    const withButton = `${html}<a href="/subscribe">Subscribe</a>`;
    expect(claimants(block(withButton))).toEqual(['paywall-nag']);
    expect(foundAtLow(block(withButton))).toEqual(['paywall-nag']);
  });
});

describe('newsletter-nag', () => {
  it('finds a sign-up form with an email field', () => {
    const verdict = newsletterNag.detect(block('<form><p>Get our newsletter in your inbox.</p><input type="text" name="email_address"><button>Sign up</button></form>'), context());
    expect(englishReasons(verdict?.reasons ?? [])[0]).toMatch(/^Asks you to sign up for a newsletter \('get our newsletter', 'in your inbox'\)/);
    expect(englishReasons(verdict?.reasons ?? [])).toContain('An email field');
  });

  it('leaves comment forms alone even when they ask for an email address', () => {
    const form = block('<form><p>Sign up for our newsletter below the comments.</p><input type="email"><textarea></textarea><button>Post</button></form>', 'form');
    expect(claimants(form, context('high'))).toEqual([]);
  });

  // A sidebar card set like the stories beside it, but its headline asks you to sign up, in the du-form; a story
  // quoting the same words on a poster stays.
  it('finds a German sidebar card that asks "Melde dich jetzt an!" for a newsletter, not a story quoting it', () => {
    const doc = pageFrom(`<main><article><h1>Stadtlauf: Anmeldungen brechen Rekord</h1>
      <p>Für den Stadtlauf im Mai haben sich schon mehr als viertausend Läuferinnen und Läufer angemeldet, so viele wie nie.</p>
      <p>Der Verein wirbt auf Plakaten an den Haltestellen mit dem Satz „Melde dich jetzt an!“, und das habe gewirkt, sagte die Vorsitzende.</p>
      <p>Die Strecke führt zum ersten Mal über die neue Fußgängerbrücke und am Hafen entlang zurück in die Altstadt.</p>
      <p>Wegen des Laufs werden mehrere Straßen am Vormittag gesperrt; die Busse fahren Umleitungen, die der Verkehrsverbund rechtzeitig bekanntgeben will.</p>
      <p>Wer nicht mitläuft, kann an der Strecke helfen: Der Verein sucht noch Freiwillige für die Wasserstellen und die Zielverpflegung.</p></article>
      <aside><article class="teaser" id="card"><a href="https://post.example.de/join/garten"><figure><img src="g.jpg" alt=""></figure>
      <span class="teaser-headline">Garten-Newsletter: Melde dich jetzt an!</span></a></article></aside></main>`);
    const findings = scanDocument(doc, { ...allDetectors, lang: 'de' });
    expect(findings.map((finding) => [finding.element.querySelector('#card') ?? finding.element.closest('#card') ? 'card' : finding.element.tagName, finding.detectorId]))
      .toEqual([['card', 'newsletter-nag']]);
  });
});

describe('app-promo', () => {
  it('finds "download our app" with store links', () => {
    const verdict = appPromo.detect(block('<p>Download our app</p><a href="https://play.google.com/store/apps/details?id=x">Get it on Google Play</a>'), context());
    expect(englishReasons(verdict?.reasons ?? []).join('; ')).toMatch(/Links to an app store/);
    expect(englishReasons(verdict?.reasons ?? []).join('; ')).toMatch(/Promotes an app \('download our app', 'get it on google play'\)/);
  });

  it('does not take a film review that mentions streaming stores for a promo', () => {
    // A paragraph of a story is judged with the story around it: the article guard never collapses one alone.
    const doc = pageFrom(`<article><h1>A quiet film about a lighthouse keeper</h1>
      <p>The director spent four winters on the island, and it shows: every shot of the sea looks cold enough to hurt.</p>
      <p>The film is available to rent on Google Play, the App Store and other services from Friday.</p>
      <p>The cast is small, and the lead gives the best performance of her career as a keeper who stops answering the radio.</p>
      <p>At two and a half hours it asks for patience, but the last twenty minutes, a storm filmed in a single take, repay it.</p></article>`);
    expect(scanDocument(doc, { ...allDetectors, sensitivity: 'high' })).toEqual([]);
  });
});
