/*
 * Juece: our custom script of Welcome (listed in scripts/config.js under customScripts): the header's app switcher
 * names the webapps in Chinese.
 */
import {chineseAppSwitcher} from '../../juece/webapps.js';

chineseAppSwitcher();

export default [];
