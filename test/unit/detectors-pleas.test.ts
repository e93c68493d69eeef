import { describe, expect, it } from 'vitest';
import type { DetectContext, Sensitivity } from '../../src/core/types';
import { appPromo } from '../../src/detectors/app-promo';
import { donationAppeal } from '../../src/detectors/donation-appeal';
import { membershipPlea } from '../../src/detectors/membership-plea';
import { newsletterNag } from '../../src/detectors/newsletter-nag';
import { paywallNag } from '../../src/detectors/paywall-nag';
import { pageFrom } from './scan-fixtures';

function context(sensitivity: Sensitivity = 'normal', userPhrases: DetectContext['userPhrases'] = {}): DetectContext {
  return { sensitivity, langs: ['en'], userPhrases };
}

function block(html: string): Element {
  return pageFrom(`<div id="block">${html}</div>`).getElementById('block')!;
}

describe('donation-appeal', () => {
  it('scores a plea with its phrases, amount, donate link and class names as reasons', () => {
    const verdict = donationAppeal.detect(block(`<div class="contribution-epic"><p>Dear readers, independent journalism depends on you.</p>
      <p>Give from $3 per month.</p><a href="https://www.patreon.com/example">Donate</a></div>`), context());
    expect(verdict?.score).toBe(1);
    expect(verdict?.reasons).toEqual([
      "phrase 'dear readers', 'independent journalism depends on'",
      'amount $3 per month',
      '1 donate link',
      "button 'donate'",
      'class names of a donation box',
    ]);
  });

  it('never fires on links or class names alone', () => {
    expect(donationAppeal.detect(block('<div class="donate support-us"><a href="/donate">Donate</a> <a href="https://paypal.me/x">PayPal</a></div>'), context('high'))).toBeNull();
  });

  it('never fires on one phrase in prose; two are enough at normal sensitivity but not at low', () => {
    const one = '<p>The museum asked visitors to make a donation at the door.</p>';
    expect(donationAppeal.detect(block(one), context('high'))).toBeNull();
    const two = '<p>Dear readers, the museum asks you to make a donation at the door.</p>';
    expect(donationAppeal.detect(block(two), context())?.reasons).toEqual(["phrase 'dear readers', 'make a donation'"]);
    expect(donationAppeal.detect(block(two), context('low'))).toBeNull();
  });

  it('leaves long prose that mentions donations alone', () => {
    const prose = '<p>The fundraising drive ended on Friday with readers like you giving more than ever, the organisers said, and the money will go to the flood victims in the valley.</p>'.repeat(6);
    expect(donationAppeal.detect(block(prose), context('high'))).toBeNull();
  });

  it('matches user phrases for appeals like lexicon phrases', () => {
    const html = '<p>Keep the lights on at the Gazette!</p><a href="/give">Help out</a>';
    expect(donationAppeal.detect(block(html), context())).toBeNull();
    expect(donationAppeal.detect(block(html), context('normal', { appeal: ['Keep the  lights ON'] }))?.reasons).toEqual(["phrase 'keep the lights on'", '1 donate link']);
  });
});

describe('membership-plea', () => {
  it('finds "become a member" boxes with a membership link', () => {
    const verdict = membershipPlea.detect(block('<h3>Become a member</h3><p>Join our community of supporters today.</p><a href="/membership">Join</a>'), context());
    expect(verdict?.reasons).toEqual(["phrase 'become a member', 'join our community of supporters'", '1 membership link', "button 'join'"]);
  });
});

describe('paywall-nag', () => {
  it('finds meter banners, sensitivity decides how much evidence is enough', () => {
    const html = '<p>You have 2 free articles left this month.</p>';
    expect(paywallNag.detect(block(html), context('normal'))).toBeNull();
    expect(paywallNag.detect(block(html), context('high'))?.reasons).toEqual(["phrase 'free articles'"]);
    const withButton = `${html}<a href="/subscribe">Subscribe</a>`;
    expect(paywallNag.detect(block(withButton), context('normal'))?.score).toBe(0.75);
    expect(paywallNag.detect(block(withButton), context('low'))).toBeNull();
  });
});

describe('newsletter-nag', () => {
  it('finds a sign-up form with an email field', () => {
    const verdict = newsletterNag.detect(block('<form><p>Get our newsletter in your inbox.</p><input type="text" name="email_address"><button>Sign up</button></form>'), context());
    expect(verdict?.reasons).toEqual(["phrase 'get our newsletter', 'in your inbox'", '1 email field', "button 'sign up'"]);
  });

  it('leaves comment forms alone even when they ask for an email address', () => {
    expect(newsletterNag.detect(block('<form><p>Sign up for our newsletter below the comments.</p><input type="email"><textarea></textarea><button>Post</button></form>'), context('high'))).toBeNull();
  });
});

describe('app-promo', () => {
  it('finds "download our app" with store links', () => {
    const verdict = appPromo.detect(block('<p>Download our app</p><a href="https://play.google.com/store/apps/details?id=x">Get it on Google Play</a>'), context());
    expect(verdict?.reasons).toEqual(["phrase 'download our app', 'get it on google play'", '1 app store link']);
  });

  it('does not take a film review that mentions streaming stores for a promo', () => {
    expect(appPromo.detect(block('<p>The film is available to rent on Google Play, the App Store and other services from Friday.</p>'), context('high'))).toBeNull();
  });
});
