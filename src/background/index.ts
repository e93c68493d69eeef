// Background: runs as a Chrome service worker and as Firefox background scripts; everything it does is
// answering the content scripts' messages (see answer.ts).
import browser from '../browser';
import { answerMessage } from './answer';

browser.runtime.onMessage.addListener(answerMessage);
