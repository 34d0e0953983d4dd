/**
 * Cardholder agreement served by `terms-and-conditions`: one text for Quebec (Consumer
 * Protection Act) and one for the rest of Canada, each in English and French. Plain HTML
 * fragments; no scripts, styles or event handlers, like the markup Flexiti sends.
 */
import type { Lang } from './messages.js';
import type { ProvinceCode } from './personas.js';

export type TermsRegion = 'QC' | 'ROC';

export function termsRegion(province: ProvinceCode): TermsRegion {
  return province === 'QC' ? 'QC' : 'ROC';
}

const ROC_EN = `<div id='tcs'>
<h2>FlexitiCard Cardholder Agreement</h2>
<p>This sandbox agreement is for testing only and creates no obligation. Please read it carefully: it explains how your FlexitiCard account works. By applying, you agree to be bound by these terms once your application is approved.</p>
<h3>1. Your account</h3>
<p>Flexiti Financial Inc. (&ldquo;Flexiti&rdquo;, &ldquo;we&rdquo;) opens a revolving credit account in your name and issues a FlexitiCard number you can use with participating merchants. Your credit limit is shown in your approval and on each statement. You must not let your balance exceed your credit limit.</p>
<h3>2. Interest and fees</h3>
<ul>
<li>Annual interest rate on regular purchases: 29.99%.</li>
<li>Promotional plans may carry a lower rate, no interest or deferred payments for the period shown when you buy.</li>
<li>Some promotional plans carry a one-time administrative fee of $49.99, added to your balance at the time of purchase.</li>
<li>Interest is calculated daily and charged monthly; there is no interest-free grace period on regular purchases.</li>
</ul>
<h3>3. Payments</h3>
<p>Each month you must pay at least the minimum payment shown on your statement by its due date. You may pay all or part of your balance at any time without penalty. Payments are applied first to interest and fees, then to the balance carrying the highest interest rate.</p>
<h3>4. Credit checks and your personal information</h3>
<p>You consent to Flexiti obtaining credit reports about you from credit bureaus, now and while your account is open, and to sharing information about your account with them. We collect, use and disclose your personal information as described in our privacy policy.</p>
<h3>5. Closing your account</h3>
<p>You may close your account at any time by contacting us. Closing the account does not cancel amounts you already owe. We may suspend or close your account if you do not respect this agreement.</p>
<h3>6. Contact us</h3>
<p>Questions? Call us at 1-877-259-3750 or visit <a href="https://flexiti.com/">flexiti.com</a>.</p>
</div>`;

const ROC_FR = `<div id='tcs'>
<h2>Contrat du titulaire de la carte FlexitiCard</h2>
<p>Ce contrat de l’environnement de test ne sert qu’aux essais et ne crée aucune obligation. Veuillez le lire attentivement : il explique le fonctionnement de votre compte FlexitiCard. En présentant une demande, vous acceptez d’être lié par ces conditions dès l’approbation de votre demande.</p>
<h3>1. Votre compte</h3>
<p>Flexiti Financial Inc. (« Flexiti », « nous ») ouvre un compte de crédit renouvelable à votre nom et vous attribue un numéro de carte FlexitiCard utilisable chez les marchands participants. Votre limite de crédit figure dans votre approbation et sur chaque relevé. Votre solde ne doit pas dépasser votre limite de crédit.</p>
<h3>2. Intérêts et frais</h3>
<ul>
<li>Taux d’intérêt annuel sur les achats réguliers : 29,99 %.</li>
<li>Les plans promotionnels peuvent offrir un taux réduit, aucun intérêt ou des versements reportés pendant la période indiquée au moment de l’achat.</li>
<li>Certains plans promotionnels comportent des frais d’administration uniques de 49,99 $, ajoutés à votre solde au moment de l’achat.</li>
<li>Les intérêts sont calculés quotidiennement et portés au compte mensuellement; les achats réguliers ne bénéficient d’aucun délai de grâce sans intérêt.</li>
</ul>
<h3>3. Versements</h3>
<p>Chaque mois, vous devez payer au moins le versement minimum indiqué sur votre relevé au plus tard à la date d’échéance. Vous pouvez rembourser la totalité ou une partie de votre solde en tout temps, sans pénalité. Les versements sont d’abord imputés aux intérêts et aux frais, puis au solde portant le taux d’intérêt le plus élevé.</p>
<h3>4. Vérification de crédit et renseignements personnels</h3>
<p>Vous consentez à ce que Flexiti obtienne des rapports de solvabilité à votre sujet auprès des agences d’évaluation du crédit, maintenant et tant que votre compte est ouvert, et leur communique des renseignements sur votre compte. Nous recueillons, utilisons et communiquons vos renseignements personnels conformément à notre politique de confidentialité.</p>
<h3>5. Fermeture de votre compte</h3>
<p>Vous pouvez fermer votre compte en tout temps en communiquant avec nous. La fermeture du compte n’annule pas les sommes que vous devez déjà. Nous pouvons suspendre ou fermer votre compte si vous ne respectez pas le présent contrat.</p>
<h3>6. Pour nous joindre</h3>
<p>Des questions? Appelez-nous au 1-877-259-3750 ou visitez <a href="https://flexiti.com/">flexiti.com</a>.</p>
</div>`;

const QC_EN = `<div id='tcs'>
<h2>FlexitiCard Cardholder Agreement &ndash; Quebec Residents</h2>
<p>This sandbox agreement is for testing only and creates no obligation. It is a variable credit contract governed by the Consumer Protection Act of Québec. Please read it carefully before accepting it.</p>
<h3>1. Your account</h3>
<p>Flexiti Financial Inc. (&ldquo;Flexiti&rdquo;, &ldquo;we&rdquo;) opens a revolving credit account in your name and issues a FlexitiCard number you can use with participating merchants. Your credit limit is shown in your approval and on each statement.</p>
<h3>2. Your debt ratio</h3>
<p>Before you accept this contract, we show you your debt ratio: the share of your gross monthly household income used by your monthly housing expenses. Take it into account when deciding whether to use this credit.</p>
<h3>3. Interest and fees</h3>
<ul>
<li>Annual interest rate on regular purchases: 29.99%.</li>
<li>Promotional plans may carry a lower rate, no interest or deferred payments for the period shown when you buy. Plans in which deferred interest is later waived are not offered in Quebec.</li>
<li>Some promotional plans carry a one-time administrative fee of $49.99, included in the credit charges disclosed before you buy.</li>
<li>Interest is calculated daily and charged monthly; you have a grace period of at least 21 days on new regular purchases if you pay your statement balance in full.</li>
</ul>
<h3>4. Payments</h3>
<p>Each month you must pay at least the minimum payment shown on your statement by its due date. Paying only the minimum will make it take longer and cost more to repay your balance. You may pay all or part of your balance at any time without penalty.</p>
<h3>5. Your right to cancel</h3>
<p>Under the Consumer Protection Act, you may cancel this contract, without cost or penalty, within two days after the day on which you receive a copy of it. To cancel, tell the merchant or call us. If your application is approved today, you may also cancel the new account immediately from the approval screen.</p>
<h3>6. Credit checks and your personal information</h3>
<p>You consent to Flexiti obtaining credit reports about you from credit bureaus, now and while your account is open. We collect, use and disclose your personal information in accordance with the Act respecting the protection of personal information in the private sector and our privacy policy.</p>
<h3>7. Contact us</h3>
<p>Questions? Call us at 1-877-259-3750 or visit <a href="https://flexiti.com/">flexiti.com</a>. For any complaint, you may also contact the Office de la protection du consommateur.</p>
</div>`;

const QC_FR = `<div id='tcs'>
<h2>Contrat du titulaire de la carte FlexitiCard &ndash; résidents du Québec</h2>
<p>Ce contrat de l’environnement de test ne sert qu’aux essais et ne crée aucune obligation. Il s’agit d’un contrat de crédit variable régi par la Loi sur la protection du consommateur du Québec. Veuillez le lire attentivement avant de l’accepter.</p>
<h3>1. Votre compte</h3>
<p>Flexiti Financial Inc. (« Flexiti », « nous ») ouvre un compte de crédit renouvelable à votre nom et vous attribue un numéro de carte FlexitiCard utilisable chez les marchands participants. Votre limite de crédit figure dans votre approbation et sur chaque relevé.</p>
<h3>2. Votre ratio d’endettement</h3>
<p>Avant que vous acceptiez ce contrat, nous vous présentons votre ratio d’endettement : la part de votre revenu mensuel brut du ménage consacrée à vos frais de logement mensuels. Tenez-en compte avant de décider d’utiliser ce crédit.</p>
<h3>3. Intérêts et frais</h3>
<ul>
<li>Taux d’intérêt annuel sur les achats réguliers : 29,99 %.</li>
<li>Les plans promotionnels peuvent offrir un taux réduit, aucun intérêt ou des versements reportés pendant la période indiquée au moment de l’achat. Les plans dont les intérêts reportés sont ensuite annulés ne sont pas offerts au Québec.</li>
<li>Certains plans promotionnels comportent des frais d’administration uniques de 49,99 $, inclus dans les frais de crédit divulgués avant l’achat.</li>
<li>Les intérêts sont calculés quotidiennement et portés au compte mensuellement; vous bénéficiez d’un délai de grâce d’au moins 21 jours sur les nouveaux achats réguliers si vous payez en entier le solde de votre relevé.</li>
</ul>
<h3>4. Versements</h3>
<p>Chaque mois, vous devez payer au moins le versement minimum indiqué sur votre relevé au plus tard à la date d’échéance. Si vous ne payez que le versement minimum, le remboursement de votre solde sera plus long et plus coûteux. Vous pouvez rembourser la totalité ou une partie de votre solde en tout temps, sans pénalité.</p>
<h3>5. Votre droit de résolution</h3>
<p>En vertu de la Loi sur la protection du consommateur, vous pouvez résoudre le présent contrat, sans frais ni pénalité, dans les deux jours qui suivent celui où vous en recevez un double. Pour ce faire, avisez le marchand ou appelez-nous. Si votre demande est approuvée aujourd’hui, vous pouvez aussi annuler le nouveau compte immédiatement à partir de l’écran d’approbation.</p>
<h3>6. Vérification de crédit et renseignements personnels</h3>
<p>Vous consentez à ce que Flexiti obtienne des rapports de solvabilité à votre sujet auprès des agences d’évaluation du crédit, maintenant et tant que votre compte est ouvert. Nous recueillons, utilisons et communiquons vos renseignements personnels conformément à la Loi sur la protection des renseignements personnels dans le secteur privé et à notre politique de confidentialité.</p>
<h3>7. Pour nous joindre</h3>
<p>Des questions? Appelez-nous au 1-877-259-3750 ou visitez <a href="https://flexiti.com/">flexiti.com</a>. Pour toute plainte, vous pouvez aussi communiquer avec l’Office de la protection du consommateur.</p>
</div>`;

const TERMS: Readonly<Record<TermsRegion, Readonly<Record<Lang, string>>>> = {
  QC: { en: QC_EN, fr: QC_FR },
  ROC: { en: ROC_EN, fr: ROC_FR },
};

/**
 * The agreement as served: the seeded text, or after `revision` revisions (`Sandbox.reviseTerms()`)
 * the same text with a closing note that dates it, so its version changes as Flexiti's would.
 */
export function termsHtml(province: ProvinceCode, lang: Lang, revision = 0): string {
  const text = TERMS[termsRegion(province)][lang];
  if (revision === 0) return text;
  const note = lang === 'fr' ? `Révision ${revision} de la présente convention.` : `Revision ${revision} of this agreement.`;
  return text.replace(/<\/div>\s*$/, `<p>${note}</p>\n</div>`);
}
