import{C as e,S as t,a,c as n,d as s,f as i,g as r,h as l,i as o,l as d,m as c,n as p,o as u,r as h,s as m,t as y,u as b,w as f,y as v}from"./shared-_VxZSWwd.js";import{c as $,f as g,i as k,l as x,n as w,r as T,t as _,u as E}from"./shared-CGy9ccMt.js";import{n as A,r as F}from"./shared-DBFh2kbY.js";var I=["user_not_able_to_purchase","user_not_active"],N={step:"choose",by:"card",number:"",method:"sms",contacts:{},sentTo:null,code:"",plan:"",receipt:"",kind:"cardholder",cardLast4:"",problem:null,notice:null,ending:null,result:null},P={contacts:{},sentTo:null,code:"",plan:"",receipt:"",cardLast4:""},C=(e,t,a={})=>({...e,problem:null,notice:null,...a,step:t});function R(e){switch(e.step){case"identify":case"apply":return"choose";case"method":return"identify";case"plans":return"applicant"===e.kind?void 0:"method";case"review":return"plans";default:return}}var q=e=>e.replace(/\D/g,"").slice(0,16).replace(/(\d{4})(?=\d)/g,"$1 ");function B(e){if("regular"===e)return{type:"regular"};let[t,a]=e.split(":").map(Number);return t&&a?{type:"promotional",planId:t,term:a}:void 0}var D=new Set(["credit_exceeded","plan_term_not_available"]),S=(e,t,a=3)=>2===a?E`<h2 id=${e} data-step-heading tabindex="-1">${t}</h2>`:E`<h3 id=${e} data-step-heading tabindex="-1">${t}</h3>`;function L(e){let t=e.failure;if(!t)return x;let a=e.messages.failure;return E`<div class="alert" part="alert" role="alert"><p>${h(t,a)} ${t.retryable?a.keepAnswers:x}</p></div>`}function G(e){let t=e.state.notice;return t?E`<div class="alert" part="alert" role=${"codeResent"===t?"status":"alert"}><p>${"codeResent"===t?e.texts.codeResent:e.texts[t]}</p></div>`:x}function z(e,t,a,n,s){let{problem:i}=e.state,r="required"===i?a.required??"":i?e.texts[i]:"",l=`f-${t}`;return E`<div class="field" part="field ${r?"field-invalid":""}">
<label for=${l} part="label">${a.label}</label>
${a.help?E`<p id="${l}-help" class="help" part="help">${a.help}</p>`:x}
<input
id=${l}
name=${t}
class="number"
part="input"
autocomplete=${s.autocomplete}
inputmode="numeric"
maxlength=${s.maxlength}
spellcheck="false"
aria-required="true"
aria-invalid=${r?"true":"false"}
aria-describedby=${[a.help?`${l}-help`:"",r?`${l}-error`:""].filter(Boolean).join(" ")||x}
.value=${n}
@input=${e=>s.onInput(e.target.value)}
/>
${r?E`<p id="${l}-error" class="error" part="error">${r}</p>`:x}
</div>`}function M(e,t,a,n){return t.map(([t,s])=>E`<label class="checkbox field"
><input type="radio" name=${e} part="checkbox" .checked=${a===t} @change=${()=>n(t)} /> ${s}</label
>`)}function O(e,t){let a=e.texts,n=t=>e.locale.money(t),s=t=>e.locale.percent(t),i=e=>e.map(e=>e.message||a.fee(e.description,n(e.amount)));return[{key:"regular",title:a.regular,detail:a.regularDetail(s(t.regular.rate)),disclosures:i(t.regular.fees)},...t.plans.flatMap(e=>e.terms.map(r=>{let l=function(e,t,a){let n=A(e),s=function(e){return e.fees.reduce((t,a)=>t+A(a.amount)*("admin_monthly"===a.type?e.term:1),0)}(a),i=A(a.monthlyPayment),r=a.term;if("equal_billing"===t&&i>0){let e=0===a.rate?n:i*r,t=e-i*(r-1),l=e+s;return{kind:"equal",months:r,monthlyPayment:F(i),lastPayment:F(t),fees:F(s),totalRepaid:F(l),costOfBorrowing:F(l-n)}}if(i>0){let e=n+s;return{kind:"minimum",months:r,monthlyPayment:F(i),fees:F(s),balanceAtEnd:F(Math.max(0,e-i*r)),payInFullBy:F(e)}}return{kind:"deferred",months:r,fees:F(s),payInFullBy:F(n+s)}}(t.amount,e.category,r),o="equal"===l.kind?[a.monthly(n(l.monthlyPayment),r.term),a.rate(s(r.rate)),a.totalRepaid(n(l.totalRepaid),l.costOfBorrowing>0?n(l.costOfBorrowing):null)]:"minimum"===l.kind?[a.minimum(n(l.monthlyPayment),r.term),a.leftAtEnd(n(l.balanceAtEnd)),a.payInFull(n(l.payInFullBy),r.term)]:[a.deferred(r.term),a.payInFull(n(l.payInFullBy),r.term)];return{key:`${e.planId}:${r.term}`,title:e.name,detail:o.join(" · "),disclosures:[r.rateMessage,...i(r.fees)].filter(Boolean),..."equal"===l.kind?{monthly:l.monthlyPayment,free:0===l.costOfBorrowing}:{}}}))]}function U(e,t){let a=e.plans.value;return a&&O(e,a).find(e=>e.key===(e=>"regular"===e.type?"regular":`${e.planId}:${e.term}`)(t))}function j(e,t,a,n=!0){return E`<section class="panel decision" part="decision" aria-labelledby="end-title">
${S("end-title",t,2)}
<p>${a}</p>
${n?e.actions(void 0):x}
</section>`}var V=class extends ${constructor(...n){super(...n),this.locale=new v(this),this.internals=this.attachInternals(),this.connection=new l(this,"checkout"),this.applicationFailed=!1,this.tokenUrl="",this.session="",this.endpoint="",this.theme="auto",this.machine=N,this.status="",this.lookupTask=new t(this,{autoRun:!1,task:async([e],{signal:t})=>{let n=await this.connection.client.request("lookup",{body:e,lang:this.locale.lang,signal:t});return"not_found"===n.status?this.send({type:"notFound"}):"ineligible"===n.status?(this.dispatchEvent(new a({kind:"purchase",code:n.code})),this.send({type:"ineligible",code:n.code})):void this.send({type:"found",account:n})},onError:e=>this.fail(e)}),this.verifyTask=new t(this,{autoRun:!1,task:async([e],{signal:t})=>{let n=await this.connection.client.request("verify",{body:{receipt:this.machine.receipt,method:e},lang:this.locale.lang,signal:t});return this.status="","sent"===n.status?this.send({type:"codeSent",method:e}):"contact_unavailable"===n.code?this.send({type:"contactUnavailable"}):(this.dispatchEvent(new a({kind:"purchase",code:n.code})),void this.send({type:"ineligible",code:n.code}))},onError:e=>this.fail(e)}),this.plansTask=new t(this,{task:([t,a],{signal:n})=>t?this.connection.client.request("plans",{body:{receipt:t},lang:a,signal:n}):e,args:()=>{let{step:e,receipt:t}=this.machine;return["plans"===e||"review"===e||"approved"===e?t:"",this.locale.lang]},autoRun:!0,onError:e=>this.fail(e)}),this.purchaseTask=new t(this,{autoRun:!1,task:async([e,t],{signal:n})=>{let s="cardholder"===this.machine.kind,i=await this.connection.client.request("purchase",{body:{receipt:this.machine.receipt,plan:e,...s?{code:t}:{}},lang:this.locale.lang,signal:n});if(this.status="","approved"===i.status){let{authorizationId:e,amount:t,currency:a,reference:n}=i;return this.dispatchEvent(new m({kind:"purchase",authorizationId:e,amount:t,currency:a,reference:n,plan:i.plan})),this.send({type:"paid",result:i})}this.dispatchEvent(new a({kind:"purchase",code:i.code})),this.send({type:"declined",code:i.code})},onError:e=>this.fail(e)})}static{this.shadowRootOptions={...$.shadowRootOptions,delegatesFocus:!0}}static{this.styles=[_,s,d,i,b,g`:host{display:grid;gap:var(--_space)}.plans{display:grid;gap:0.5rem}.plan-name{font-weight:650;margin:0.5rem 0 0.25rem}.plan{display:grid;grid-template-columns:auto 1fr;gap:0.25rem 0.6rem;border:1px solid var(--_border);border-radius:var(--_radius);padding:0.75rem}.plan:has(input:checked){border:2px solid var(--_primary)}.plan input{width:1.25rem;min-height:1.25rem;height:1.25rem;margin:0.15rem 0 0;accent-color:var(--_primary)}.plan .disclosure{grid-column:2;margin:0;font-size:0.9rem;color:var(--_muted)}.number{font-variant-numeric:tabular-nums;letter-spacing:0.05em}.authorization{overflow-wrap:anywhere;user-select:all}`]}static{this.properties={tokenUrl:{attribute:"token-url"},session:{},endpoint:{},amount:{type:Number},theme:{reflect:!0},machine:{state:!0},failure:{state:!0},status:{state:!0}}}static define(e="flexiti-checkout",t=customElements){w(e,this,t)}get texts(){return this.locale.messages.checkout}loadApplication(){return this.applicationFailed=!1,this.applicationLoad??=c().then(({ApplicationFlow:e})=>{this.application??=new e(this,{flow:"checkout",locale:this.locale,connection:this.connection,renderApprovedActions:e=>this.renderApproval(e)}),this.requestUpdate()},()=>{this.applicationLoad=void 0,this.applicationFailed=!0,this.requestUpdate()})}renderApproval(e){let t=this.orderAmount;return void 0!==t&&e.availableCredit<t?E`<div class="alert" part="alert" role="alert">
<p>${this.texts.shortApplicant(this.locale.money(e.creditLimit))}</p>
</div>
${this.actions(void 0)}`:E`<div class="actions">
<button class="primary" part="button submit" @click=${()=>this.send({type:"applied",receipt:e.receipt,cardLast4:e.cardLast4})}>
${this.texts.continueToPlans}
</button>
</div>`}get step(){return this.machine.step}get orderAmount(){return this.connection.task.value?.amount??this.amount}send(e){"apply"===e.type&&this.loadApplication();let t=this.machine,a=function(e,t){if("cancel"===t.type)return"approved"===e.step?e:C(e,"ended",{ending:"shopper"});if("ineligible"===t.type)return"approved"===e.step||"ended"===e.step?e:C(e,"ineligible",{ending:t.code,code:""});if("back"===t.type){let t=R(e);return t?"identify"===t||"choose"===t?C(e,t,{...P,kind:"cardholder"}):C(e,t):e}switch(e.step){case"choose":return"existing"===t.type?C(e,"identify"):"apply"===t.type?C(e,"apply",{kind:"applicant"}):e;case"identify":switch(t.type){case"identifyBy":return{...e,by:t.by,number:"",problem:null};case"typeNumber":return{...e,number:"card"===e.by?q(t.value):t.value,problem:null};case"problem":case"notFound":return{...e,problem:"notFound"===t.type?"notFound":t.problem};case"found":{let{account:a}=t,n=a.contacts.sms?"sms":"email",s={...P,receipt:a.receipt,cardLast4:a.cardLast4,contacts:a.contacts,method:n,kind:"cardholder"};return C(e,a.enoughCredit?"method":"short",s)}default:return e}case"method":switch(t.type){case"chooseMethod":return{...e,method:t.method,notice:null};case"codeSent":return C(e,"plans",{sentTo:t.method,code:""});case"contactUnavailable":return{...e,notice:"contact_unavailable"};default:return e}case"apply":return"applied"===t.type?C(e,"plans",{...P,receipt:t.receipt,cardLast4:t.cardLast4,kind:"applicant"}):e;case"plans":return"choosePlan"===t.type?{...e,plan:t.plan}:"review"===t.type&&B(e.plan)?C(e,"review"):e;case"review":switch(t.type){case"typeCode":return{...e,code:t.value,problem:null};case"problem":return{...e,problem:t.problem};case"codeSent":return{...e,sentTo:t.method,code:"",problem:null,notice:"codeResent"};case"paid":return C(e,"approved",{result:t.result,code:""});case"declined":return"wrong_verification_code"===t.code?{...e,code:"",problem:"wrong_verification_code",notice:null}:"not_verified"===t.code?C(e,"method",{code:"",sentTo:null,notice:"not_verified"}):D.has(t.code)?C(e,"plans",{notice:t.code}):C(e,"ineligible",{ending:t.code,code:""});default:return e}default:return e}}(t,e);a!==t&&(this.machine=a,a.step===t.step?a.problem&&a.problem!==t.problem&&this.updateComplete.then(()=>this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()):(this.failure=void 0,this.updateComplete.then(()=>this.renderRoot.querySelector("[data-step-heading]")?.focus())))}willUpdate(e){let t=this.orderAmount;t&&this.application?.prefillAmount(t);let a=[this.lookupTask,this.verifyTask,this.plansTask,this.purchaseTask].some(e=>e.status===f.PENDING);T(this.internals,"pending",a||(this.application?.busy??!1))}fail(e){if(this.status="","AbortError"===e?.name)return;let t=e instanceof r?e:new r("unexpected",!0);if(I.includes(t.code))return this.dispatchEvent(new a({kind:"purchase",code:t.code})),this.send({type:"ineligible",code:t.code});this.failure=t,this.dispatchEvent(new o({code:t.code,retryable:t.retryable}))}leave(){this.dispatchEvent(new u({reason:"shopper",step:this.step})),this.send({type:"cancel"})}find(){if(this.lookupTask.status===f.PENDING)return;let e=function(e){let t=e.number.replace(/[\s-]/g,"");return t?"card"===e.by?/^\d{16}$/.test(t)?null:"invalidCard":/^\d{1,14}$/.test(t)?null:"invalidAccount":"required"}(this.machine);if(e)return this.send({type:"problem",problem:e});this.failure=void 0;let t=this.machine.number.replace(/[\s-]/g,"");this.lookupTask.run(["card"===this.machine.by?{cardNumber:t}:{accountNumber:t}])}sendCode(e){this.verifyTask.status!==f.PENDING&&(this.failure=void 0,this.verifyTask.run([e]))}confirm(){let e=B(this.machine.plan);if(!e||this.purchaseTask.status===f.PENDING)return;let t="cardholder"===this.machine.kind?function(e){let t=e.trim();return t?/^\d{4,8}$/.test(t)?null:"invalidCode":"required"}(this.machine.code):null;if(t)return this.send({type:"problem",problem:t});this.failure=void 0,this.status=this.texts.confirming,this.purchaseTask.run([e,this.machine.code.trim()])}actions(e,t=!1){let a=this.texts,n=R(this.machine);return E`<div class="actions">
${e??x}
${n?E`<button type="button" class="secondary" part="button" ?disabled=${t} @click=${()=>this.send({type:"back"})}>${a.back}</button>`:x}
<button type="button" class="secondary" part="button cancel" ?disabled=${t} @click=${()=>this.leave()}>${a.cancel}</button>
</div>`}view(){let e=this.plansTask;return{state:this.machine,texts:this.texts,messages:this.locale.messages,locale:this.locale,amount:this.orderAmount??0,failure:this.failure,busy:{lookup:this.lookupTask.status===f.PENDING,verify:this.verifyTask.status===f.PENDING,purchase:this.purchaseTask.status===f.PENDING},plans:{failed:e.status===f.ERROR,value:e.value},send:e=>this.send(e),prefetchApplication:()=>{c().catch(()=>{})},find:()=>this.find(),sendCode:e=>this.sendCode(e),retryPlans:()=>{this.plansTask.run()},confirm:()=>this.confirm(),actions:(e,t)=>this.actions(e,t)}}render(){let e=this.locale.messages,t=this.connection.task.value,a=this.orderAmount;return E`<div class="content" lang=${this.locale.lang}>
<div class="visually-hidden" role="status" aria-live="polite">${this.status||this.application?.status||""}</div>
<header class="panel" part="header">
<h2>${this.texts.title}</h2>
${void 0===a?x:E`<p>${this.texts.orderTotal}${this.texts.colon}<strong>${this.locale.money(a)}</strong></p>`}
${"sandbox"===t?.mode?E`<p><span class="badge" part="badge">${e.sandboxBadge}</span></p>`:x}
</header>
<div part="step">${this.connection.task.render({initial:()=>E`<p>${e.loading}</p>`,pending:()=>E`<p>${e.loading}</p>`,error:()=>E`<div class="alert" part="alert" role="alert">
<p>${e.failure.loadFailed}</p>
<button type="button" class="secondary" part="button" @click=${()=>this.connection.task.run()}>${e.retry}</button>
</div>`,complete:()=>this.renderStep()})}</div>
</div>`}renderStep(){let e=this.view();switch(this.machine.step){case"choose":return function(e){let t=e.texts;return E`<section class="panel" aria-labelledby="choose-title">
${S("choose-title",t.intro)}
<div class="actions">
<button class="primary" part="button" @click=${()=>e.send({type:"existing"})}>${t.haveAccount}</button>
<button
class="primary"
part="button"
@pointerenter=${e.prefetchApplication}
@focus=${e.prefetchApplication}
@click=${()=>e.send({type:"apply"})}
>
${t.applyNow}
</button>
</div>
${e.actions(void 0)}
</section>`}(e);case"identify":return function(e){let t=e.texts,{by:a,number:n}=e.state,s="card"===a,i=e.busy.lookup;return E`<section class="panel" aria-labelledby="identify-title" aria-busy=${i?"true":"false"}>
${S("identify-title",t.identifyTitle)}
<form part="form" novalidate @submit=${t=>(t.preventDefault(),e.find())}>
<fieldset part="section" ?disabled=${i}>
<legend part="legend">${t.identifyBy}</legend>
<div class="actions">
${M("by",[["card",t.byCard],["account",t.byAccount]],a,t=>e.send({type:"identifyBy",by:t}))}
</div>
</fieldset>
${z(e,"number",s?t.cardNumber:t.accountNumber,s?q(n):n,{autocomplete:s?"cc-number":"off",maxlength:s?19:14,onInput:t=>e.send({type:"typeNumber",value:t})})}
${L(e)}
${e.actions(E`<button type="submit" class="primary" part="button submit" ?disabled=${i}>${i?t.finding:t.find}</button>`,i)}
</form>
</section>`}(e);case"method":return function(e){let t=e.texts,{contacts:a,method:n}=e.state,s=e.busy.verify;return E`<section class="panel" aria-labelledby="method-title" aria-busy=${s?"true":"false"}>
${S("method-title",t.methodTitle)} ${G(e)}
<form part="form" novalidate @submit=${t=>(t.preventDefault(),s||e.sendCode(n))}>
<fieldset part="section" ?disabled=${s}>
<legend part="legend">${t.methodIntro}</legend>
${M("method",[...a.sms?[["sms",t.bySms(a.sms)]]:[],...a.email?[["email",t.byEmail(a.email)]]:[]],n,t=>e.send({type:"chooseMethod",method:t}))}
</fieldset>
${L(e)}
${e.actions(E`<button type="submit" class="primary" part="button submit" ?disabled=${s}>${s?t.sending:t.sendCode}</button>`,s)}
</form>
</section>`}(e);case"apply":return this.renderApply();case"plans":return function(e){let t=e.texts,{failed:a,value:n}=e.plans,s=a?E`${L(e)}<button type="button" class="secondary" part="button" @click=${()=>e.retryPlans()}>${e.messages.retry}</button>`:n?function(e,t){let a=e.texts,n=e.state.plan,s=O(e,t),i=s.filter(e=>e.monthly).sort((e,t)=>e.monthly-t.monthly),r=[...new Set([i.find(e=>e.free),i[0]])].filter(e=>void 0!==e),l=s.filter(e=>!r.includes(e)),o=new Map;for(let e of l)o.set(e.title,[...o.get(e.title)??[],e]);let d=(t,a)=>E`<label class="plan" part="plan">
<input type="radio" name="plan" value=${t.key} .checked=${n===t.key} @change=${()=>e.send({type:"choosePlan",plan:t.key})} />
<span>${a}</span>
${t.disclosures.map(e=>E`<p class="disclosure" part="disclosure">${e}</p>`)}
</label>`,c=e=>d(e,E`<strong>${e.title}</strong><br />${e.detail}`);return E`<form part="form" novalidate @submit=${t=>(t.preventDefault(),e.send({type:"review"}))}>
<fieldset part="section plans" class="plans">
<legend part="legend">${a.plansLegend}</legend>
${r.map(c)}
<details class="plans" part="more-plans" ?open=${l.some(e=>e.key===n)}>
<summary>${a.morePlans(l.length)}</summary>
${[...o].map(([e,t])=>1===t.length?c(t[0]):E`<fieldset class="plans" part="section">
<legend class="plan-name">${e}</legend>
${t.map(e=>d(e,e.detail))}
</fieldset>`)}
</details>
</fieldset>
${e.actions(E`<button type="submit" class="primary" part="button submit" ?disabled=${!n}>${a.continue}</button>`)}
</form>`}(e,n):E`<p>${t.loadingPlans}</p>`;return E`<section class="panel" aria-labelledby="plans-title">
${S("plans-title",t.plansTitle)} ${G(e)} ${s}
</section>`}(e);case"review":return function(e){let t=e.texts,{state:a}=e,n=U(e,B(a.plan)),s=e.busy.purchase,i=e.busy.verify,r="cardholder"===a.kind,l=a.sentTo?a.contacts[a.sentTo]:void 0;return E`<section class="panel" aria-labelledby="review-title" part="review" aria-busy=${s?"true":"false"}>
${S("review-title",t.reviewTitle)}
<dl class="facts" part="facts">
<div><dt>${t.orderTotal}</dt><dd>${e.locale.money(e.amount)}</dd></div>
<div><dt>${t.plan}</dt><dd>${n?.title}</dd></div>
<div><dt>${t.payment}</dt><dd>${n?.detail}</dd></div>
<div><dt>${t.account}</dt><dd>${t.cardEnding(a.cardLast4)}</dd></div>
</dl>
${n?.disclosures.length?E`${n.disclosures.map(e=>E`<p class="disclosure" part="disclosure">${e}</p>`)}`:x}
<form part="form" novalidate @submit=${t=>(t.preventDefault(),e.confirm())}>
${r?E`${a.sentTo&&l?E`<p>${t.codeSentTo(a.sentTo,l)}</p>`:x}
${z(e,"code",t.code,a.code,{autocomplete:"one-time-code",maxlength:8,onInput:t=>e.send({type:"typeCode",value:t})})}
<div class="actions">
<button type="button" class="secondary" part="button" ?disabled=${i||s} @click=${()=>e.sendCode(a.sentTo??a.method)}>
${i?t.resending:t.resendCode}
</button>
</div>`:x}
${G(e)} ${L(e)}
${e.actions(E`<button type="submit" class="primary" part="button submit" ?disabled=${s}>
${s?t.confirming:e.failure?.retryable?e.messages.retry:t.confirm(e.locale.money(e.amount))}
</button>`,s)}
</form>
</section>`}(e);case"approved":return function(e){let t=e.texts,a=e.state.result;return E`<section class="panel decision approved" part="decision" aria-labelledby="approved-title">
${S("approved-title",t.approvedTitle,2)}
<p>${t.approvedText}</p>
<dl class="facts" part="facts">
<div><dt>${t.orderTotal}</dt><dd>${e.locale.money(a.amount)}</dd></div>
<div><dt>${t.authorization}</dt><dd class="number authorization">${a.authorizationId}</dd></div>
<div><dt>${t.plan}</dt><dd>${U(e,a.plan)?.title}</dd></div>
</dl>
</section>`}(e);case"short":return function(e){return j(e,e.texts.shortTitle,e.texts.shortText)}(e);case"ineligible":return function(e){let t=e.texts,a=e.state.ending;return j(e,t.ineligibleTitle,"user_not_active"===a||"tries_exceeded"===a?t[a]:t.user_not_able_to_purchase)}(e);case"ended":return function(e){return j(e,e.texts.cancelledTitle,e.texts.cancelledText,!1)}(e)}}renderApply(){let e=this.locale.messages,t=this.application;if(!t)return this.applicationFailed?E`<div class="alert" part="alert" role="alert">
<p>${e.failure.loadFailed}</p>
<button type="button" class="secondary" part="button" @click=${()=>this.loadApplication()}>${e.retry}</button>
</div>
${this.actions(void 0)}`:E`<p class="reserve">${e.loading}</p>`;let a=t.decision,n=t.closed||a&&"approved"!==a.status;return E`${t.render()}
${"approved"!==a?.status||t.closed?n?E`<p>${this.texts.otherPayment}</p>${this.actions(void 0)}`:this.actions(void 0):x}`}};V.define();export{n as FlexitiApply,m as FlexitiApprovedEvent,u as FlexitiCancelEvent,V as FlexitiCheckout,a as FlexitiDeclinedEvent,o as FlexitiErrorEvent,y as FlexitiPendingEvent,k as FlexitiReadyEvent,p as FlexitiSubmitEvent};
