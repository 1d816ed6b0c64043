/*
 * Juece: our custom script of Tasklist (listed in scripts/config.js under customScripts).
 *
 * - Relative times ("1 分钟前", "10 天后") in the language Tasklist speaks (see followTranslationLanguage).
 * - "创建任务" and "启动流程" are offered only to those who may do them: styles/user-styles.css hides both until
 *   this script has asked the engine. Creating a task needs CREATE on tasks; starting a process needs CREATE on
 *   process instances and a process definition the person may start (the same query the dialog lists).
 * - A step's dates and groups are shown, not offered for editing (the engine refuses changing them; see
 *   styles/user-styles.css), nor, without TASK_ASSIGN, its holder: out of the keyboard's reach too.
 * - Sorting by a variable suggests the variables every card shows (决策编号, 决策事项) for the name, and their type;
 *   such a sorting is headed by the label.
 * - The header's app switcher names the webapps in Chinese; pages open once their words have loaded; words the
 *   templates write in English read in Chinese (see chineseForHardcodedEnglish).
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

const RESOURCE_TASK = 7;
const RESOURCE_PROCESS_INSTANCE = 8;

const CARD_VARIABLES = [
  {name: 'decisionNumber', label: '决策编号'},
  {name: 'decisionTitle', label: '决策事项'}
];

async function authorized(permission, resourceName, resourceType) {
  const answer = await engineGet('authorization/check?permissionName=' + permission +
      '&resourceName=' + resourceName + '&resourceType=' + resourceType);
  return !!(answer && answer.authorized);
}

async function mayStartProcess() {
  const startable = await engineGet('process-definition/count?latestVersion=true&active=true' +
      '&startableInTasklist=true&startablePermissionCheck=true');
  if (!startable || !(startable.count > 0)) {
    return false;
  }
  return authorized('CREATE', 'ProcessInstance', RESOURCE_PROCESS_INSTANCE);
}

async function offerWhatIsAllowed() {
  const body = document.body.classList;
  body.remove('juece-may-create-task', 'juece-may-start-process', 'juece-may-assign-task',
      'juece-permissions-checked');
  const [createTask, startProcess, assignTask] = await Promise.all([
    authorized('CREATE', 'Task', RESOURCE_TASK),
    mayStartProcess(),
    authorized('TASK_ASSIGN', 'Task', RESOURCE_TASK)
  ]);
  body.toggle('juece-may-create-task', createTask);
  body.toggle('juece-may-start-process', startProcess);
  body.toggle('juece-may-assign-task', assignTask);
  body.add('juece-permissions-checked');
}

const module = appModule();
followTranslationLanguage(module);
routesWaitForTranslations(module);
chineseAppSwitcher();
chineseForHardcodedEnglish();
module.run([
  '$rootScope',
  function($rootScope) {
    offerWhatIsAllowed();
    $rootScope.$on('authentication.changed', offerWhatIsAllowed);
  }
]);

function cardVariableList() {
  let list = document.getElementById('juece-card-variables');
  if (!list) {
    list = document.createElement('datalist');
    list.id = 'juece-card-variables';
    CARD_VARIABLES.forEach(v => {
      const option = document.createElement('option');
      option.value = v.name;
      option.label = v.label;
      list.appendChild(option);
    });
    document.body.appendChild(list);
  }
  return list.id;
}

// Read-only meta fields take no focus, so that the keyboard cannot open their editors either.
whenRendered('[cam-tasklist-task-meta] [cam-widget-inline-field][tabindex]', field => {
  const readOnly = !field.closest('li.assignee') || !document.body.classList.contains('juece-may-assign-task');
  if (readOnly) {
    field.removeAttribute('tabindex');
  }
});

// a sorting by a card variable is headed by its label (决策编号), not its name
whenRendered('[cam-sorting-choices] span.sort-by', heading => {
  const variable = CARD_VARIABLES.find(v => v.name === heading.textContent.trim());
  const text = heading.firstChild;
  if (variable && text && text.nodeType === Node.TEXT_NODE) {
    text.nodeValue = variable.label; // the node Angular writes to: it writes again when the sorting changes
  }
});

whenRendered('.variable-inputs input[type=text]', input => {
  if (!input.hasAttribute('list')) {
    input.setAttribute('list', cardVariableList());
    // the card variables are text: choosing one sets the type too (the dialog starts at 整数)
    const typeOfCardVariable = () => {
      const type = input.closest('.variable-inputs').querySelector('select');
      if (type && type.value !== 'String' && CARD_VARIABLES.some(v => v.name === input.value.trim())) {
        type.value = 'String';
        type.dispatchEvent(new Event('change'));
      }
    };
    input.addEventListener('input', typeOfCardVariable);
    input.addEventListener('change', typeOfCardVariable);
  }
});

export default [];
