/**
 * /vue.html: `<flexiti-checkout>` in a Vue 3 app, typed by `flexiti-checkout/vue`. Render
 * functions and Vue's runtime-only build: compiling templates in the browser would need
 * `unsafe-eval`, which the demo's policy does not allow. The page language is a prop, the event
 * log is reactive state filled by the `onFlexiti…` listeners.
 */
import { Teleport, createApp, defineComponent, h, onUnmounted, ref, shallowRef } from 'vue';
import '../../src/elements/flexiti-checkout.js';
import type { FlexitiCheckoutProps } from '../../src/vue.js';
import { checkoutProps, onLanguageChange, pageLanguage, paidText, startLanguage, type LogEntry, type RecordedOrder } from './page.js';

const Checkout = defineComponent({
  setup() {
    const lang = ref(pageLanguage());
    onUnmounted(onLanguageChange(() => (lang.value = pageLanguage())));
    const entries = ref<LogEntry[]>([]);
    const order = shallowRef<RecordedOrder>();

    return () => [
      h(
        'flexiti-checkout',
        checkoutProps(lang.value, (entry) => void entries.value.unshift(entry), (found) => (order.value = found)) satisfies FlexitiCheckoutProps,
      ),
      h('p', { class: 'paid', role: 'status' }, order.value ? paidText(order.value, lang.value) : ''),
      h(Teleport, { to: '#log' }, entries.value.map((entry) => h('li', { key: entry.id }, [h('strong', entry.name), ' ', h('code', entry.detail)]))),
    ];
  },
});

startLanguage();
createApp(Checkout).mount('#app');
