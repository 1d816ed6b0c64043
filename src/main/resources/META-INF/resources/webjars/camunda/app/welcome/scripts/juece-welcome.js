/*
 * Juece: our custom script of Welcome (listed in scripts/config.js under customScripts): the header's app switcher
 * names the webapps in Chinese; pages open once their words have loaded.
 */
import {appModule, chineseAppSwitcher, routesWaitForTranslations} from '../../juece/webapps.js';

chineseAppSwitcher();
routesWaitForTranslations(appModule());

export default [];
