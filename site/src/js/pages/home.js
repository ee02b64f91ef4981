import { initPage } from '../lib/page.js';

initPage();
