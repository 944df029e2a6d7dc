export default { 'charge-card': 'not a function' };
