/*
 * Juece: our custom script of Cockpit (listed in scripts/config.js under customScripts).
 *
 * - The decision's title beside its number wherever Cockpit shows a process instance's business key: the process
 *   instance tables of a process definition and of called processes, and a process instance's information. Every
 *   process instance of a decision carries its title in the variable decisionTitle (labelled when it starts);
 *   Cockpit's own queries and permissions answer for it.
 * - "null" where the webapp writes an empty value literally (e.g. a top-level instance's 上级流程实例 ID) reads 无,
 *   the variables table's "Actions" 操作 (see chineseForHardcodedEnglish).
 * - 人工任务 only for those who may read all tasks (see below).
 * - Relative times in the language Cockpit speaks (see followTranslationLanguage).
 * - The header's app switcher names the webapps in Chinese; pages open once their words have loaded.
 */
import {
  appModule,
  chineseAppSwitcher,
  chineseForHardcodedEnglish,
  engineGet,
  followTranslationLanguage,
  routesWaitForTranslations,
  whenRendered
} from '../../juece/webapps.js';

followTranslationLanguage(appModule());
routesWaitForTranslations(appModule());
chineseAppSwitcher();
chineseForHardcodedEnglish();

/*
 * 人工任务 (the task dashboard by group) reads every task: supervisors read the decisions, not every unit's tasks
 * (no READ on all tasks), and would get only an error there. Offered to those who may read all tasks; the
 * dashboard's count of open tasks stays, without its link. Hidden until the engine has answered.
 */
engineGet('authorization/check?permissionName=READ&resourceName=Task&resourceType=7').then(answer => {
  document.body.classList.toggle('juece-may-read-all-tasks', !!(answer && answer.authorized));
  document.body.classList.add('juece-permissions-checked');
});

const TITLE = 'decisionTitle';
const BATCH = 40;

/** process instance id -> its decision's title ('' once asked and none is there) */
const titleOfInstance = new Map();
/** business key (decision number) -> title, from any of its instances */
const titleOfKey = new Map();
const wanted = new Set();
let fetching = false;

function ownText(element) {
  let text = '';
  element.childNodes.forEach(node => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.nodeValue;
    }
  });
  return text.trim();
}

function instanceIdOf(cell) {
  const row = cell.closest('tr');
  if (row) {
    const link = row.querySelector('td.instance-id a, td.called-process-instance a');
    return link ? link.textContent.trim() : null;
  }
  const page = /#\/process-instance\/([^/?]+)/.exec(window.location.hash);
  return page ? decodeURIComponent(page[1]) : null;
}

function showTitle(cell) {
  const host = cell.querySelector(':scope > [ng-transclude]') || cell;
  const key = ownText(host);
  if (!key) {
    return;
  }
  const id = instanceIdOf(cell);
  const title = (id && titleOfInstance.get(id)) || titleOfKey.get(key);
  let label = host.querySelector(':scope > .juece-decision-title');
  if (title) {
    if (!label) {
      label = document.createElement('span');
      label.className = 'juece-decision-title';
      host.appendChild(label);
    }
    if (label.textContent !== title) {
      label.textContent = title; // text, never markup: titles are typed by people
    }
    if (id) {
      titleOfInstance.set(id, title);
    }
  } else {
    if (label) {
      label.remove();
    }
    if (id && !titleOfInstance.has(id)) {
      wanted.add(id);
      fetchTitles();
    }
  }
  cell.dataset.jueceKey = key;
}

async function fetchTitles() {
  if (fetching || wanted.size === 0) {
    return;
  }
  fetching = true;
  try {
    while (wanted.size > 0) {
      const ids = Array.from(wanted).slice(0, BATCH);
      ids.forEach(id => wanted.delete(id));
      const found = await engineGet('variable-instance?variableName=' + TITLE + '&deserializeValues=false' +
          '&processInstanceIdIn=' + ids.map(encodeURIComponent).join(','));
      ids.forEach(id => titleOfInstance.set(id, ''));
      (found || []).forEach(v => {
        if (typeof v.value === 'string' && v.value) {
          titleOfInstance.set(v.processInstanceId, v.value);
        }
      });
    }
  } finally {
    fetching = false;
  }
  rescan();
}

function fix(element) {
  showTitle(element);
  const key = element.dataset.jueceKey;
  const label = element.querySelector('.juece-decision-title');
  if (key && label && !titleOfKey.has(key)) {
    titleOfKey.set(key, label.textContent);
  }
}

const rescan = whenRendered('td.business-key, dd.business-key', fix);

export default [];
