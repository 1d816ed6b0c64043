/*
 * Juece: helpers shared by our custom scripts of the Camunda webapps (scripts/juece-<app>.js, listed in each app's
 * scripts/config.js under customScripts). The webapps import those scripts as ES modules after creating their
 * AngularJS module and before bootstrapping it, so a script may still add run blocks to the module.
 */

/** The AngularJS module of the running webapp ('cam.tasklist', 'cam.cockpit', ...). */
export function appModule() {
  const app = document.querySelector('base').getAttribute('app-name');
  return window.angular.module('cam.' + app);
}

/**
 * Relative times and dates in the language the webapp speaks. The webapps give moment.js each loaded locale file's
 * dateLocales, and moment makes the locale given last the global one: the Chinese file and the English fallback
 * load side by side, so whichever arrives last wins ("a minute ago" on a Chinese page about half the time).
 * Each time a locale file has loaded, make the language in use moment's again and let the relative times redraw.
 */
export function followTranslationLanguage(module) {
  module.run([
    '$rootScope',
    '$translate',
    '$injector',
    function($rootScope, $translate, $injector) {
      if (!$injector.has('amMoment') || !$injector.has('moment')) {
        return;
      }
      const amMoment = $injector.get('amMoment');
      const moment = $injector.get('moment');
      function follow() {
        const language = $translate.use() || $translate.proposedLanguage();
        if (language && moment.locales().indexOf(language) >= 0 && moment.locale() !== language) {
          amMoment.changeLocale(language);
        }
      }
      $rootScope.$on('$translateChangeSuccess', follow);
      $rootScope.$on('$translateLoadingSuccess', follow);
      follow();
    }
  ]);
}

/**
 * No page before its words: the webapps' pages read some labels once, when they open ($translate.instant for
 * breadcrumbs, placeholders), and on a first visit the Chinese file may still be on its way ("GROUPS_GROUP",
 * "SEARCH_PLACEHOLDER" on screen). Every route waits for the translations, as for its other resolves.
 */
export function routesWaitForTranslations(module) {
  module.run([
    '$injector',
    function($injector) {
      if (!$injector.has('$route') || !$injector.has('$translate')) {
        return;
      }
      const routes = $injector.get('$route').routes;
      Object.keys(routes).forEach(path => {
        const route = routes[path];
        if (route && !route.redirectTo) {
          route.resolve = Object.assign({}, route.resolve, {
            jueceTranslations: ['$translate', $translate => $translate.onReady()]
          });
        }
      });
    }
  ]);
}

/**
 * Calls fix(element) for every element matching selector, now and whenever the page changes (the webapps render
 * their views late and re-render them on navigation). fix must be idempotent: it sees an element again after its
 * own changes and after unrelated ones. Returns a function that scans again (e.g. once data fix needs has arrived).
 */
export function whenRendered(selector, fix) {
  let planned = false;
  function scan() {
    planned = false;
    document.querySelectorAll(selector).forEach(fix);
  }
  const observer = new MutationObserver(() => {
    if (!planned) {
      planned = true;
      window.requestAnimationFrame(scan);
    }
  });
  const start = () => {
    observer.observe(document.body, {childList: true, subtree: true});
    scan();
  };
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
  return scan;
}

/** The engine REST API of the running webapp, e.g. /camunda/api/engine/engine/default/ */
export function engineApi() {
  const base = document.querySelector('base');
  // the page is <app-root>/app/<app>/<engine>/
  const page = window.location.pathname.substring(base.getAttribute('app-root').length);
  const engine = page.split('/').filter(Boolean)[2] || 'default';
  return base.getAttribute('engine-api') + 'engine/' + encodeURIComponent(engine) + '/';
}

/** GET from the engine REST API with the webapp's session; the parsed JSON, or null on any failure. */
export async function engineGet(path) {
  try {
    const response = await fetch(engineApi() + path, {
      credentials: 'same-origin',
      headers: {Accept: 'application/json'}
    });
    return response.ok ? await response.json() : null;
  } catch (e) {
    return null;
  }
}

/** The names our config.js files give the webapps, for the header's app switcher (which writes them in English). */
const APP_NAMES = {
  welcome: '欢迎',
  tasklist: '任务列表',
  cockpit: '流程监控',
  admin: '系统管理'
};

export function chineseAppSwitcher() {
  whenRendered('[cam-widget-header] li.app-switch li > a', link => {
    const app = Object.keys(APP_NAMES).find(name => link.parentElement.classList.contains(name));
    if (app && link.textContent.trim() !== APP_NAMES[app]) {
      link.textContent = APP_NAMES[app];
    }
  });
}

/**
 * Words the webapps' templates write in English (or as a literal null) instead of through their translations:
 * the variables table's "Actions" heading (Cockpit's variables, Tasklist's generic form), "null" for an empty value
 * (a top-level instance's 上级流程实例 ID, a job without due date).
 */
const HARDCODED = [
  {selector: 'table.cam-table > thead td.actions', text: 'Actions', chinese: '操作'},
  {selector: '.null-value', text: 'null', chinese: '无'}
];

export function chineseForHardcodedEnglish() {
  whenRendered(HARDCODED.map(h => h.selector).join(', '), element => {
    const shown = element.textContent.trim();
    const word = HARDCODED.find(h => h.text === shown && element.matches(h.selector));
    if (word) {
      element.textContent = word.chinese;
    }
  });
}
