/*
 * Juece: our custom script of Admin (listed in scripts/config.js under customScripts).
 *
 * - Group types in Chinese in the group tables (groups, a user's groups, adding a membership); the stored code stays
 *   what it is (it is data: OrganisationSeeder writes it) and shows as the cell's tooltip. The type field of the
 *   group forms suggests the codes with their Chinese names and names the code it holds below it.
 * - Relative times in the language Admin speaks (see followTranslationLanguage).
 * - The header's app switcher names the webapps in Chinese; pages open once their words have loaded; words the
 *   templates write in English read in Chinese (see chineseForHardcodedEnglish).
 */
import {
  appModule,
  chineseAppSwitcher,
  chineseForHardcodedEnglish,
  followTranslationLanguage,
  routesWaitForTranslations,
  whenRendered
} from '../../juece/webapps.js';

followTranslationLanguage(appModule());
routesWaitForTranslations(appModule());
chineseAppSwitcher();
chineseForHardcodedEnglish();

/** The group types OrganisationSeeder writes, and Camunda's own. */
const GROUP_TYPES = {
  UNIT: '单位',
  UNIT_HEAD: '单位负责人',
  LEGAL_OFFICE: '法制工作机构',
  DECISION_ORGAN: '决策机关',
  EXECUTIVE_HEAD: '行政首长',
  MEMBERS: '政府组成人员',
  STAFF: '全体工作人员',
  SYSTEM: '系统管理',
  WORKFLOW: '工作流'
};

function groupTypeCell(cell) {
  if (cell.tagName !== 'TD') {
    return; // the column heading
  }
  const shown = cell.textContent.trim();
  const code = cell.dataset.jueceType;
  if (code && GROUP_TYPES[code] === shown) {
    return; // already shown in Chinese
  }
  if (Object.prototype.hasOwnProperty.call(GROUP_TYPES, shown)) {
    cell.dataset.jueceType = shown;
    cell.title = shown;
    cell.textContent = GROUP_TYPES[shown];
  }
}

function groupTypeList() {
  let list = document.getElementById('juece-group-types');
  if (!list) {
    list = document.createElement('datalist');
    list.id = 'juece-group-types';
    Object.keys(GROUP_TYPES).forEach(code => {
      const option = document.createElement('option');
      option.value = code;
      option.label = GROUP_TYPES[code];
      list.appendChild(option);
    });
    document.body.appendChild(list);
  }
  return list.id;
}

function showGroupTypeName(input) {
  const name = input.nextElementSibling;
  const text = GROUP_TYPES[input.value.trim()] || '';
  if (name && name.classList.contains('juece-group-type-name') && name.textContent !== text) {
    name.textContent = text; // only when it changes: a change is a mutation, which scans again
  }
}

/** Suggests the codes, and names the code the field holds below it (the value arrives after the field). */
function groupTypeField(input) {
  if (!input.hasAttribute('list')) {
    input.setAttribute('list', groupTypeList());
    const name = document.createElement('p');
    name.className = 'help-block juece-group-type-name';
    input.insertAdjacentElement('afterend', name);
    input.addEventListener('input', () => showGroupTypeName(input));
    input.addEventListener('change', () => showGroupTypeName(input));
  }
  showGroupTypeName(input);
}

whenRendered('td.group-type, input[name=groupType]', element =>
  element.tagName === 'INPUT' ? groupTypeField(element) : groupTypeCell(element));

export default [];
