var t=t=>Math.round(100*t),a=t=>t/100;function n(n,r){let e=t(n),o=Math.round(e/r);return{monthlyPayment:a(o),lastPayment:a(e-o*(r-1))}}export{t as n,a as r,n as t};
